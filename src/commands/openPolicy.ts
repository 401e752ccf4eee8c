import * as vscode from 'vscode';
import { liveUri } from '../documents/liveDocumentProvider';
import type { CommandDefinition } from '../host/runCommand';
import type { DocumentNode } from '../tree/policyNodes';

/** Opens the policy document a tree node stands for (the default click on policy nodes). */
export const openPolicy: CommandDefinition = {
  id: 'crossTenant.openPolicy',
  run: async (_ctx, arg) => {
    const node = arg as DocumentNode | undefined;
    if (!node?.document || !node.tenant) throw new Error('Open a policy from the Tenants view: click a policy, default settings or partner node.');
    const uri = liveUri(node.tenant, node.document);
    await vscode.window.showTextDocument(uri, { preview: true });
    return uri.toString();
  },
};
