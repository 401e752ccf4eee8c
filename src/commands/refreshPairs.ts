import type { CommandDefinition } from './commandContext';

/**
 * Reloads every signed-in tenant's settings and checks the pairs again (after changes made
 * elsewhere, e.g. the admin center). Takes no argument (the Tenant Pairs view's title bar).
 * Returns how many pairs there are.
 */
export const refreshPairs: CommandDefinition = {
  id: 'crossTenant.refreshPairs',
  run: async (ctx) => {
    ctx.data.clear();
    const pairs = await ctx.pairs.recheck();
    return pairs.length;
  },
};
