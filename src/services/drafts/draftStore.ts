import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { Log } from '../../host/log';

/** A saved, not yet pushed edit of a policy document, and the live text it started from. */
export interface Draft {
  readonly text: string;
  /** The live document when the draft was started: push compares live against it (Graph has no ETags). */
  readonly baseText: string;
  readonly savedAt: number;
}

/** A draft as stored: the document it belongs to, and the draft. */
interface StoredDraft extends Draft {
  readonly uri: string;
}

/**
 * Drafts live as files under globalStorageUri/drafts, so they survive a window reload, a restart and,
 * in browser-hosted VS Code, a change of browser (globalState would not: it lives in the browser).
 * One JSON file per document.
 */
export class DraftStore implements vscode.Disposable {
  private readonly cache = new Map<string, Draft | null>();
  private readonly changed = new vscode.EventEmitter<{
    readonly uri: vscode.Uri;
    readonly discarded: boolean;
  }>();
  readonly onDidChange = this.changed.event;
  private index?: Promise<Set<string>>;

  constructor(
    private readonly storageUri: vscode.Uri,
    private readonly log: Log,
  ) {}

  private get folder(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageUri, 'drafts');
  }

  private fileFor(uri: vscode.Uri): vscode.Uri {
    // A hash of the document URI: one flat, file-system-safe name of fixed length per document
    // (document URIs of sync schemas are longer than a file name may be). The URI is in the file.
    return vscode.Uri.joinPath(
      this.folder,
      `${createHash('sha256').update(uri.toString()).digest('hex')}.json`,
    );
  }

  /** URIs (as strings) of every document with a draft. */
  async list(): Promise<Set<string>> {
    this.index ??= (async () => {
      const set = new Set<string>();
      let names: [string, vscode.FileType][] = [];
      try {
        names = await vscode.workspace.fs.readDirectory(this.folder);
      } catch {
        return set; // no drafts yet
      }
      for (const [name] of names.filter(([n]) => n.endsWith('.json'))) {
        try {
          const stored = JSON.parse(
            Buffer.from(
              await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder, name)),
            ).toString('utf8'),
          ) as StoredDraft;
          if (typeof stored.uri === 'string') set.add(stored.uri);
        } catch (err) {
          this.log.warn(`Ignored an unreadable draft file ${name}: ${String(err)}`);
        }
      }
      return set;
    })();
    return this.index;
  }

  async has(uri: vscode.Uri): Promise<boolean> {
    return (await this.list()).has(uri.toString());
  }

  async get(uri: vscode.Uri): Promise<Draft | undefined> {
    const key = uri.toString();
    if (this.cache.has(key)) return this.cache.get(key) ?? undefined;
    if (!(await this.has(uri))) return undefined;
    try {
      const draft = JSON.parse(
        Buffer.from(await vscode.workspace.fs.readFile(this.fileFor(uri))).toString('utf8'),
      ) as Draft;
      this.cache.set(key, draft);
      return draft;
    } catch (err) {
      this.log.warn(`Could not read the draft of ${key}: ${String(err)}`);
      return undefined;
    }
  }

  async save(uri: vscode.Uri, draft: Draft): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
    const stored: StoredDraft = { uri: uri.toString(), ...draft };
    await vscode.workspace.fs.writeFile(
      this.fileFor(uri),
      Buffer.from(JSON.stringify(stored), 'utf8'),
    );
    this.cache.set(uri.toString(), draft);
    (await this.list()).add(uri.toString());
    this.changed.fire({ uri, discarded: false });
  }

  async discard(uri: vscode.Uri): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.fileFor(uri));
    } catch (err) {
      if (!(err instanceof vscode.FileSystemError && err.code === 'FileNotFound')) throw err;
    }
    this.cache.set(uri.toString(), null);
    (await this.list()).delete(uri.toString());
    this.changed.fire({ uri, discarded: true });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
