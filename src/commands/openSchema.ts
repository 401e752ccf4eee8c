import * as vscode from 'vscode';
import { policyUri } from '../services/documentUris';
import type { CommandDefinition } from './commandContext';
import { jobArg } from './jobArg';

/**
 * Opens a job's synchronization schema (attribute mappings, scoping filters) as an editable
 * document. Argument: a job node, or a job reference (see jobArg).
 */
export const openSchema: CommandDefinition = {
  id: 'crossTenant.openSchema',
  run: async (_ctx, arg) => {
    const node = jobArg(arg);
    const uri = policyUri(node.tenant, {
      kind: 'syncSchema',
      tenantId: node.tenant.tenantId,
      servicePrincipalId: node.servicePrincipal.id!,
      jobId: node.job.id!,
    });
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri.toString();
  },
};
