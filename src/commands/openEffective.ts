import * as vscode from 'vscode';
import { effectiveUri } from '../services/documentUris';
import type { CommandDefinition } from './commandContext';
import { nodeArg } from './nodeArg';

/**
 * Opens what actually applies to a partner: its settings merged over the default, annotated.
 *
 * Argument: a partner node of the Tenants view. Returns the document's URI as a string.
 */
export const openEffective: CommandDefinition = {
  id: 'crossTenant.openEffective',
  run: async (_ctx, arg) => {
    const node = nodeArg(arg, 'partner');
    if (!node)
      throw new Error(
        vscode.l10n.t('Open Effective Settings works on a partner in the Tenants view.'),
      );
    const s = node.summary;
    const uri = effectiveUri(
      node.tenant,
      s.tenantId,
      s.displayName ?? s.defaultDomainName ?? s.tenantId,
    );
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'jsonc');
    await vscode.window.showTextDocument(doc, { preview: true });
    return uri.toString();
  },
};
