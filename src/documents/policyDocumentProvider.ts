import * as vscode from 'vscode';
import { DocumentFileSystem } from './documentFileSystem';
import { toCanonicalText } from '../core/policy/canonical';
import { fromUri } from '../core/policy/documentUri';
import type { DraftStore } from '../services/drafts/draftStore';
import type { LiveDocumentProvider } from './liveDocumentProvider';
import { liveCounterpart, POLICY_SCHEME } from '../services/documentUris';

/**
 * Policies as editable documents. Reading gives the draft if there is one, else the live object as
 * canonical JSON. Saving stores a draft (with the live text it started from) and never pushes:
 * pushing is a separate, confirmed step.
 */
export class PolicyDocumentProvider extends DocumentFileSystem {
  /** Live text last served per document with no draft: the base of a draft started from it. */
  private readonly served = new Map<string, string>();
  /** Per document with a draft, the live text the draft began from, as last read or saved. */
  private readonly draftBases = new Map<string, string>();
  /** Per document shown from live, how often a tenant change touched it (its modification time). */
  private readonly liveVersions = new Map<string, number>();

  constructor(
    private readonly live: LiveDocumentProvider,
    private readonly drafts: DraftStore,
  ) {
    super();
    // A discarded draft, or one another window saved: open editors re-read the document (VS Code
    // keeps an editor with unsaved edits as it is, and its next save meets the changed draft).
    // Not for this window's saves: VS Code made those itself, and an event would make it re-read a
    // document the user is still typing in.
    this._register(
      drafts.onDidChange(({ uri, discarded, external }) => {
        // A discarded draft (after a push, live has moved): the live text served before is no base for
        // a draft saved before the editor has read the document again; the next save reads live.
        if (discarded) this.served.delete(uri.toString());
        if ((discarded || external) && uri.scheme === POLICY_SCHEME)
          this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
      }),
    );
  }

  /**
   * Live moved under documents: those shown from live read it again; one with a draft keeps it (the
   * draft is the user's, and its push checks live against the draft's base).
   */
  override liveChanged(uris: readonly vscode.Uri[], deleted = false): void {
    const fromLive = uris.filter((uri) => !this.draftBases.has(uri.toString()));
    for (const uri of fromLive) {
      this.served.delete(uri.toString());
      this.liveVersions.set(uri.toString(), (this.liveVersions.get(uri.toString()) ?? 1) + 1);
    }
    super.liveChanged(fromLive, deleted);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    // What the editor loads: its next save expects this draft to be still there.
    const draft = await this.drafts.open(uri);
    if (draft) {
      this.draftBases.set(uri.toString(), draft.baseText);
      return Buffer.from(draft.text, 'utf8');
    }
    this.draftBases.delete(uri.toString());
    return Buffer.from(await this.readLive(uri), 'utf8');
  }

  /**
   * The canonical text an open document started from (the base of its draft, or the live text it
   * was read as), for checks that compare with it; undefined before it was read.
   */
  startedFrom(uri: vscode.Uri): string | undefined {
    return this.draftBases.get(uri.toString()) ?? this.served.get(uri.toString());
  }

  /** Canonical text of the live object, remembered as the base for a draft started now. */
  async readLive(uri: vscode.Uri): Promise<string> {
    const { identity, tenant } = await this.live.resolve(liveCounterpart(uri));
    const text = toCanonicalText(identity.kind, await this.live.read(identity, tenant));
    this.served.set(uri.toString(), text);
    return text;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const existing = await this.drafts.get(uri);
    const baseText =
      existing?.baseText ?? this.served.get(uri.toString()) ?? (await this.readLive(uri));
    await this.drafts.save(uri, {
      text: Buffer.from(content).toString('utf8'),
      baseText,
      savedAt: Date.now(),
    });
    this.draftBases.set(uri.toString(), baseText);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    // The folders above a document exist (VS Code checks a file's parents before some writes).
    if (!fromUri(uri)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    await this.live.resolve(liveCounterpart(uri));
    const draft = await this.drafts.get(uri);
    // Without a draft the modification time moves only when a tenant change touched the document:
    // VS Code compares it before saving (a time that moved on every read of live would make it
    // refuse saves as conflicts) and re-reads a changed file only when its time moved.
    const mtime = draft?.savedAt ?? this.liveVersions.get(uri.toString()) ?? 1;
    return {
      type: vscode.FileType.File,
      ctime: 0,
      mtime,
      size: draft ? Buffer.byteLength(draft.text) : 0,
    };
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(
      vscode.l10n.t(
        '{0}: use "Discard Draft" to drop changes; deleting a partner is a separate command.',
        uri.toString(),
      ),
    );
  }
}
