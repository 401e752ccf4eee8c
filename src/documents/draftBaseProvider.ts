import * as vscode from 'vscode';
import type { DraftStore } from '../services/drafts/draftStore';
import { POLICY_SCHEME } from '../services/documentUris';

/** The live version a draft started from (read-only), for "Diff with the Version I Started From". */
export class DraftBaseProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly drafts: DraftStore) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const draft = await this.drafts.get(uri.with({ scheme: POLICY_SCHEME }));
    if (!draft)
      throw new Error(
        vscode.l10n.t(
          'This document has no draft, so there is no starting version to compare with.',
        ),
      );
    return draft.baseText;
  }
}
