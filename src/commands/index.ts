import type { CommandDefinition } from '../host/runCommand';
import { addPartner } from './addPartner';
import { addTenant } from './addTenant';
import { allowUserSync } from './allowUserSync';
import { checkDrift } from './checkDrift';
import { copyTenantId } from './copyTenantId';
import { diffWithBase } from './diffWithBase';
import { diffWithLive } from './diffWithLive';
import { deletePartner } from './deletePartner';
import { discardDraft } from './discardDraft';
import { exportTenant } from './exportTenant';
import { openEffective } from './openEffective';
import { openPolicy } from './openPolicy';
import { push } from './push';
import { pushToTenant } from './pushToTenant';
import { refresh } from './refresh';
import { removeIdentitySync } from './removeIdentitySync';
import { resetDefault } from './resetDefault';
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
  diffWithLive,
  diffWithBase,
  push,
  pushToTenant,
  discardDraft,
  addPartner,
  deletePartner,
  allowUserSync,
  removeIdentitySync,
  resetDefault,
  openEffective,
  exportTenant,
  checkDrift,
  copyTenantId,
  resetSandbox,
  showLog,
];
