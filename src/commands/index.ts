import type { CommandDefinition } from './commandContext';
import { addAssignment } from './addAssignment';
import { addPartner } from './addPartner';
import { addTenant } from './addTenant';
import { allowUserSync } from './allowUserSync';
import { checkDrift } from './checkDrift';
import { configureSync } from './configureSync';
import { copyJobId } from './copyJobId';
import { copyTenantId } from './copyTenantId';
import { diffWithBase } from './diffWithBase';
import { diffWithLive } from './diffWithLive';
import { deletePartner } from './deletePartner';
import { deleteSyncConfiguration } from './deleteSyncConfiguration';
import { discardDraft } from './discardDraft';
import { exportTenant } from './exportTenant';
import { newSyncConfiguration } from './newSyncConfiguration';
import { openEffective } from './openEffective';
import { whoUsesPartnership } from './whoUsesPartnership';
import { openPolicy } from './openPolicy';
import { openSchema } from './openSchema';
import { pauseJob } from './pauseJob';
import { provisionOnDemand } from './provisionOnDemand';
import { push } from './push';
import { pushToTenant } from './pushToTenant';
import { refresh } from './refresh';
import { removeAssignment } from './removeAssignment';
import { removeIdentitySync } from './removeIdentitySync';
import { resetDefault } from './resetDefault';
import { restartJob } from './restartJob';
import { showJobDetails } from './showJobDetails';
import { showProvisioningLogs } from './showProvisioningLogs';
import { refreshPairs } from './refreshPairs';
import { openPairFinding } from './openPairFinding';
import { fixPairFinding } from './fixPairFinding';
import { setUpSync } from './setUpSync';
import { removePair } from './removePair';
import { startJob } from './startJob';
import { removeTenant } from './removeTenant';
import { resetSandbox } from './resetSandbox';
import { showLog } from './showLog';
import { signIn } from './signIn';
import { signOut } from './signOut';
import { testConnection } from './testConnection';
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
  whoUsesPartnership,
  exportTenant,
  checkDrift,
  startJob,
  pauseJob,
  restartJob,
  showJobDetails,
  showProvisioningLogs,
  refreshPairs,
  openPairFinding,
  fixPairFinding,
  setUpSync,
  removePair,
  openSchema,
  provisionOnDemand,
  newSyncConfiguration,
  testConnection,
  configureSync,
  deleteSyncConfiguration,
  addAssignment,
  removeAssignment,
  copyTenantId,
  copyJobId,
  resetSandbox,
  showLog,
];
