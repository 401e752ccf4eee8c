import * as vscode from 'vscode';
import { openSetting } from '../services/openPartnerSetting';
import type { CommandDefinition } from './commandContext';
import { findingArg, findingLocation } from './findingArg';

/** Opens the policy a pair finding is about, with the setting to change selected. Arguments: see findingArg. */
export const openPairFinding: CommandDefinition = {
  id: 'crossTenant.openPairFinding',
  run: async (ctx, arg) => {
    const { finding, record } = findingArg(ctx, arg);
    if (!finding.setting)
      throw new Error(vscode.l10n.t('This finding is about the pair as a whole, not one setting.'));
    const editor = await openSetting(await findingLocation(ctx, finding, record));
    return editor.document.uri.toString();
  },
};
