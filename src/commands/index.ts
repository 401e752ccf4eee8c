import type { CommandDefinition } from '../host/runCommand';
import { addTenant } from './addTenant';
import { copyTenantId } from './copyTenantId';
import { discardDraft } from './discardDraft';
import { exportTenant } from './exportTenant';
import { openEffective } from './openEffective';
import { openPolicy } from './openPolicy';
import { refresh } from './refresh';
import { removeTenant } from './removeTenant';
import { resetSandbox } from './resetSandbox';
import { showLog } from './showLog';
import { signIn } from './signIn';
import { signOut } from './signOut';
import { trySandbox } from './trySandbox';

/** Every command the extension contributes, registered in one place by extension.ts. */
export const commands: readonly CommandDefinition[] = [
  trySandbox,
  addTenant,
  signIn,
  signOut,
  removeTenant,
  refresh,
  openPolicy,
  discardDraft,
  openEffective,
  exportTenant,
  copyTenantId,
  resetSandbox,
  showLog,
];
