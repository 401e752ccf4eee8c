import * as vscode from 'vscode';
import type { CommandDefinition } from './commandContext';
import { nodeArg } from './nodeArg';

/**
 * Copies a provisioning job's id exactly as Graph has it (`Azure2Azure.<tenant>.<guid>`), for a
 * Graph call, a script or a support case.
 *
 * Argument: a job node of the Tenants view. Returns the id copied.
 */
export const copyJobId: CommandDefinition = {
  id: 'crossTenant.copyJobId',
  run: async (_ctx, arg) => {
    const id = nodeArg(arg, 'syncJob')?.job.id;
    if (!id) throw new Error(vscode.l10n.t('Copy Job Id works on a sync job in the Tenants view.'));
    await vscode.env.clipboard.writeText(id);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied job id {0}', id), 3000);
    return id;
  },
};
