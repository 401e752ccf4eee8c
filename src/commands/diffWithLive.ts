import * as vscode from 'vscode';
import { resolveDocumentTarget } from '../services/documentTarget';
import { liveUri } from '../services/documentUris';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { documentArg } from './documentArg';

/**
 * Opens live (re-read now) against the draft, the open document or a workspace file.
 *
 * Argument: see documentArg (a URI, a policy node, or nothing for the active editor). Returns the
 * diff's title.
 */
export const diffWithLive: CommandDefinition = {
  id: 'crossTenant.diffWithLive',
  run: async (ctx, arg) => {
    const uri = documentArg(arg);
    if (!uri)
      throw new Error(vscode.l10n.t('Open a policy document or an exported policy file first.'));
    const target = await resolveDocumentTarget(uri, ctx.tenants);
    const left = liveUri(target.tenant, target.identity);
    const who = tenantLabel(target.tenant);
    // Both tenants by name, the way the tab reads ("Contoso Group › partner Tailspin Toys").
    const name =
      target.identity.kind === 'partner'
        ? vscode.l10n.t('{0} › partner {1}', who, target.identity.label)
        : target.identity.kind === 'identitySync'
          ? vscode.l10n.t('{0} › identity synchronization of {1}', who, target.identity.label)
          : target.kind === 'default'
            ? vscode.l10n.t('Default settings of {0}', who)
            : vscode.l10n.t('Base policy of {0}', who);
    const right = target.isWorkspaceFile
      ? vscode.workspace.asRelativePath(uri)
      : (await ctx.drafts.has(uri))
        ? vscode.l10n.t('draft')
        : vscode.l10n.t('editor');
    const title = vscode.l10n.t('{0}: live ↔ {1}', name, right);
    await vscode.commands.executeCommand('vscode.diff', left, uri, title, { preview: false });
    return title;
  },
};
