import * as vscode from 'vscode';
import { policyUri } from '../services/documentUris';
import type { CommandDefinition } from './commandContext';
import type { DocumentNode } from '../tree/policyNodes';

/**
 * Opens the policy document a tree node stands for (the default click on policy nodes): the draft if
 * one was saved, else what the tenant holds now. Editing and saving keeps a draft; nothing is pushed.
 *
 * Argument: a policy node of the Tenants view (base policy, default settings, partner, identity
 * synchronization). Returns the document's URI as a string.
 */
export const openPolicy: CommandDefinition = {
  id: 'crossTenant.openPolicy',
  run: async (ctx, arg) => {
    const node = arg as Partial<DocumentNode> | undefined;
    if (!node?.document || !node.tenant)
      throw new Error(
        vscode.l10n.t(
          'Open a policy from the Tenants view: click a base policy, default settings, partner or identity synchronization node.',
        ),
      );
    const uri = policyUri(node.tenant, node.document);
    await vscode.window.showTextDocument(uri, { preview: false });
    if (node.document.kind === 'partner') ctx.walkthrough.complete('openedPartner');
    return uri.toString();
  },
};
