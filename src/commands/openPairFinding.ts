import { openSetting, partnerSetting } from '../documents/openPartnerSetting';
import { policyUri } from '../documents/policyDocumentProvider';
import type { CommandDefinition } from '../host/runCommand';
import { findingArg } from './findingArg';

/** Opens the policy a pair finding is about, with the setting to change selected. */
export const openPairFinding: CommandDefinition = {
  id: 'crossTenant.openPairFinding',
  run: async (ctx, arg) => {
    const { finding, record } = findingArg(ctx, arg);
    if (!finding.setting) throw new Error('This finding is about the pair as a whole, not one setting.');
    const location = finding.fix?.document === 'policy'
      ? { uri: policyUri(record, { kind: 'policy', tenantId: record.tenantId }), path: finding.setting }
      : await partnerSetting(ctx.data, record, finding.partnerTenantId, finding.setting);
    const editor = await openSetting(location);
    return editor.document.uri.toString();
  },
};
