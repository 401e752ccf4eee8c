import * as vscode from 'vscode';
import { jobDetailsUri } from '../services/documentUris';
import type { CommandDefinition } from './commandContext';
import { jobArg } from './jobArg';

/**
 * Shows a job's details (status, runs, counts, quarantine and remedy, schedule, threshold) as a
 * rendered report. Argument: a job node, or a job reference (see jobArg).
 */
export const showJobDetails: CommandDefinition = {
  id: 'crossTenant.showJobDetails',
  run: async (_ctx, arg) => {
    const node = jobArg(arg);
    const uri = jobDetailsUri(
      node.tenant.auth,
      node.tenant.tenantId,
      node.servicePrincipal.id!,
      node.job.id!,
      node.servicePrincipal.displayName ?? vscode.l10n.t('Sync job'),
    );
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri.toString();
  },
};
