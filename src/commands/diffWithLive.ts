import * as vscode from 'vscode';
import { resolveDocumentTarget } from '../documents/documentTarget';
import { liveUri } from '../services/documentUris';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { documentArg } from './documentArg';

/** Opens live (re-read now) against the draft, the open document or a workspace file. */
export const diffWithLive: CommandDefinition = {
  id: 'crossTenant.diffWithLive',
  run: async (ctx, arg) => {
    const uri = documentArg(arg);
    if (!uri) throw new Error('Open a policy document or an exported policy file first.');
    const target = await resolveDocumentTarget(uri, ctx.tenants);
    const left = liveUri(target.tenant, target.identity);
    const name =
      'partnerTenantId' in target.identity
        ? `${target.identity.label} in ${tenantLabel(target.tenant)}`
        : `${target.kind === 'default' ? 'Default settings' : 'Base policy'} of ${tenantLabel(target.tenant)}`;
    const title = `${name}: live ↔ ${target.isWorkspaceFile ? vscode.workspace.asRelativePath(uri) : (await ctx.drafts.has(uri)) ? 'draft' : 'editor'}`;
    await vscode.commands.executeCommand('vscode.diff', left, uri, title, { preview: false });
    return title;
  },
};
