import type { CommandDefinition } from './commandContext';

export const showLog: CommandDefinition = {
  id: 'crossTenant.showLog',
  run: ({ log }) => log.show(),
};
