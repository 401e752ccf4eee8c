import type { CommandDefinition } from '../host/runCommand';

export const showLog: CommandDefinition = {
  id: 'crossTenant.showLog',
  run: ({ log }) => log.show(),
};
