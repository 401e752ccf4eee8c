import * as vscode from 'vscode';
import type { DraftStore } from './draftStore';
import { POLICY_SCHEME } from './policyDocumentProvider';

export const BASE_SCHEME = 'xtenant-base';

/** The live version a draft started from (read-only), for "Diff with the Version I Started From". */
export class BaseDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly drafts: DraftStore) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const draft = await this.drafts.get(uri.with({ scheme: POLICY_SCHEME }));
    if (!draft)
      throw new Error(
        'This document has no draft, so there is no starting version to compare with.',
      );
    return draft.baseText;
  }
}
