import { watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DraftConflict,
  DraftFolder,
  type DraftNotice,
  type DraftState,
} from '../../core/drafts/draftFolder';
import type { Draft } from '../../core/drafts/storedDraft';
import type { UserInput } from '../../core/ports/userInput';
import { UserCancelledError } from '../../core/userCancelledError';
import { Disposable, toDisposable } from '../../host/disposable';
import type { Log } from '../../host/log';

export type { Draft } from '../../core/drafts/storedDraft';

/** A draft saved or discarded; `external` when another window did it. */
export interface DraftChange {
  readonly uri: vscode.Uri;
  readonly discarded: boolean;
  readonly external: boolean;
}

/** Events from the drafts folder arrive in bursts (temporary file, rename): one rescan per burst. */
const RESCAN_DELAY_MS = 50;
/** How often a save or discard asks again when the draft keeps changing under it. */
const MAX_ASKS = 3;

/**
 * This window's view of the drafts in globalStorageUri/drafts (src/core/drafts/draftFolder.ts: one
 * file per document, atomic writes, corrupt files set aside), so they survive a window reload, a
 * restart and, in browser-hosted VS Code, a change of browser (globalState would not: it lives in
 * the browser). Every window of the machine shares the folder: this one watches it, and when
 * another window saves or discards a draft it updates its cache and fires `onDidChange` (the tree
 * and open editors refresh). Each save and discard says which version this window read; one that
 * changed meanwhile is overwritten or dropped only after the user says so.
 */
export class DraftStore extends Disposable {
  /** Each document's draft as this window last found it in the folder (null version: no draft). */
  private readonly cache = new Map<string, DraftState>();
  /**
   * The version of each document's draft its editor in this window last loaded: a save or discard
   * expects it. It moves only when the editor reloads (an editor with unsaved edits does not), so
   * a draft another window saved meanwhile is never overwritten without asking.
   */
  private readonly shown = new Map<string, DraftState['version']>();
  private readonly changed = this._register(new vscode.EventEmitter<DraftChange>());
  readonly onDidChange = this.changed.event;
  private readonly folder: DraftFolder;
  private loaded?: Promise<void>;
  /** Reads and writes of this window, one at a time, so a rescan never sees a save half-recorded. */
  private queue: Promise<unknown> = Promise.resolve();
  private watcher?: FSWatcher;
  private rescanTimer?: ReturnType<typeof setTimeout>;

  constructor(
    storageUri: vscode.Uri,
    private readonly log: Log,
    /** How a document is named to the user ("partner fabrikam.com in Contoso Group"). */
    private readonly nameOf: (uri: vscode.Uri) => Promise<string>,
    /** Where the question "overwrite the other window's draft?" is asked. */
    private readonly ui: UserInput,
  ) {
    super();
    this.folder = new DraftFolder(storageUri.fsPath, (notice) => void this.tell(notice));
    // A closed editor shows nothing: a later save or discard expects what the folder holds.
    this._register(
      vscode.workspace.onDidCloseTextDocument((doc) => this.shown.delete(doc.uri.toString())),
    );
    this._register(
      toDisposable(() => {
        clearTimeout(this.rescanTimer);
        this.watcher?.close();
      }),
    );
  }

  /** URIs (as strings) of every document with a draft. */
  async list(): Promise<Set<string>> {
    await this.load();
    return new Set([...this.cache].filter(([, s]) => s.draft).map(([uri]) => uri));
  }

  async has(uri: vscode.Uri): Promise<boolean> {
    return (await this.list()).has(uri.toString());
  }

  async get(uri: vscode.Uri): Promise<Draft | undefined> {
    await this.load();
    return this.cache.get(uri.toString())?.draft;
  }

  /** The draft an editor of this window loads now: later saves and discards expect its version. */
  async open(uri: vscode.Uri): Promise<Draft | undefined> {
    await this.load();
    const state = this.cache.get(uri.toString()) ?? { version: null };
    this.shown.set(uri.toString(), state.version);
    return state.draft;
  }

  /** The version a save or discard of this window expects: what its editor loaded, else what it found. */
  private expected(key: string): DraftState['version'] {
    const shown = this.shown.get(key);
    return shown !== undefined ? shown : (this.cache.get(key)?.version ?? null);
  }

  /** Saves the draft unless another window changed it since this one read it and the user keeps theirs. */
  async save(uri: vscode.Uri, draft: Draft): Promise<void> {
    const key = uri.toString();
    await this.overOtherWindow(
      uri,
      async (expected) => {
        const saved = await this.folder.write(key, draft, expected);
        this.cache.set(key, saved);
        this.shown.set(key, saved.version);
      },
      {
        // Discarded elsewhere: nothing to overwrite, the draft starts again from this one.
        whenGone: 'retry',
        action: vscode.l10n.t('Overwrite'),
        detail: vscode.l10n.t(
          "Overwrite it with yours, or keep the other window's: your edits then stay in this editor, unsaved.",
        ),
        refused: (name) =>
          vscode.l10n.t(
            "Not saved: the draft of {0} was changed in another window. Your edits are still in this editor; revert it to see the other window's version.",
            name,
          ),
      },
    );
    this.changed.fire({ uri, discarded: false, external: false });
  }

  /** Drops the draft; one another window changed since this one read it only after the user says so. */
  async discard(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const forget = (): void => {
      this.cache.set(key, { version: null });
      this.shown.set(key, null);
    };
    await this.overOtherWindow(
      uri,
      async (expected) => {
        await this.folder.remove(key, expected);
        forget();
      },
      {
        // Discarded elsewhere already.
        whenGone: forget,
        action: vscode.l10n.t('Discard'),
        detail: vscode.l10n.t("Discarding it drops the other window's version too."),
        refused: (name) =>
          vscode.l10n.t(
            'Not discarded: the draft of {0} was changed in another window; it is kept as that window saved it.',
            name,
          ),
      },
    );
    this.changed.fire({ uri, discarded: true, external: false });
  }

  /**
   * Runs a write that expects the version this window read. When another window changed the draft
   * since, the user is asked (at most MAX_ASKS times) whether to go over it; declined, this window
   * takes the other's version and the write fails with `refused`. A draft another window discarded
   * is `whenGone`: written again from nothing (`retry`), or already done (a callback).
   */
  private async overOtherWindow(
    uri: vscode.Uri,
    write: (expected: DraftState['version']) => Promise<void>,
    conflict: {
      readonly whenGone: 'retry' | (() => void);
      readonly action: string;
      readonly detail: string;
      readonly refused: (name: string) => string;
    },
  ): Promise<void> {
    await this.load();
    let expected = this.expected(uri.toString());
    for (let ask = 0; ; ask++) {
      try {
        await this.serially(() => write(expected));
        return;
      } catch (err) {
        if (!(err instanceof DraftConflict)) throw err;
        if (err.current.version === null) {
          if (conflict.whenGone !== 'retry') return conflict.whenGone();
          if (ask < MAX_ASKS) {
            expected = null;
            continue;
          }
        }
        const name = await this.nameOf(uri);
        if (ask >= MAX_ASKS || !(await this.goOver(name, conflict.detail, conflict.action))) {
          this.adopt(uri, err.current);
          throw new Error(conflict.refused(name));
        }
        expected = err.current.version;
      }
    }
  }

  /** Asks whether to go over the other window's draft; dismissing the question is a no. */
  private async goOver(name: string, detail: string, action: string): Promise<boolean> {
    try {
      await this.ui.confirm({
        message: vscode.l10n.t(
          'The draft of {0} was changed in another window since you opened it.',
          name,
        ),
        detail,
        actions: [action],
      });
      return true;
    } catch (err) {
      if (err instanceof UserCancelledError) return false;
      throw err;
    }
  }

  /** Takes what another window left as this window's view, and says so to the tree and editors. */
  private adopt(uri: vscode.Uri, state: DraftState): void {
    const key = uri.toString();
    if ((this.cache.get(key)?.version ?? null) === state.version) return;
    this.cache.set(key, state);
    this.changed.fire({ uri, discarded: !state.draft, external: true });
  }

  private load(): Promise<void> {
    this.loaded ??= this.serially(async () => {
      const folder = await this.folder.prepare();
      for (const [uri, state] of await this.folder.scan()) this.cache.set(uri, state);
      this.startWatching(folder);
    }).catch((err: unknown) => {
      this.loaded = undefined; // the next use tries again
      throw err;
    });
    return this.loaded;
  }

  private serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    // The queue goes on after a failure: the caller gets it, later work still runs.
    this.queue = run.catch(() => undefined);
    return run;
  }

  private startWatching(folder: string): void {
    if (this.watcher || this.isDisposed) return;
    try {
      // Node's watch is cheap and sees every window's renames and deletions, which is all that
      // changes a draft (VS Code's watcher is for the workspace; this folder is not in it).
      this.watcher = watch(folder, { persistent: false }, () => this.scheduleRescan());
      this.watcher.on('error', (err) => {
        this.log.warn(`Stopped watching ${folder} for other windows' drafts: ${String(err)}`);
        this.watcher?.close();
        this.watcher = undefined;
      });
    } catch (err) {
      // Saves still check the version they read: only the refresh of other windows' drafts is lost.
      this.log.warn(`Cannot watch ${folder} for other windows' drafts: ${String(err)}`);
    }
  }

  private scheduleRescan(): void {
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => void this.rescan(), RESCAN_DELAY_MS);
  }

  /** Another window saved or discarded something: every draft whose version moved is an external change. */
  private async rescan(): Promise<void> {
    try {
      const changes = await this.serially(async () => {
        const now = await this.folder.scan();
        const moved: [string, DraftState][] = [];
        for (const uri of new Set([...this.cache.keys(), ...now.keys()])) {
          const state = now.get(uri) ?? { version: null };
          if ((this.cache.get(uri)?.version ?? null) !== state.version) moved.push([uri, state]);
        }
        return moved;
      });
      for (const [key, state] of changes) {
        if (this.isDisposed) return;
        const uri = vscode.Uri.parse(key);
        this.adopt(uri, state);
        this.log.info(
          `The draft of ${await this.nameOf(uri)} was ${state.draft ? 'saved' : 'discarded'} in another window.`,
        );
      }
    } catch (err) {
      this.log.warn(`Could not read the drafts other windows saved: ${String(err)}`);
    }
  }

  /** A draft file that did not read as one, or a save that never finished: the user hears once. */
  private async tell(notice: DraftNotice): Promise<void> {
    if (notice.kind === 'unfinished') {
      this.log.info(
        `Removed ${notice.files.length} unfinished draft save${notice.files.length === 1 ? '' : 's'} (a window closed while saving; the draft before it is kept): ${notice.files.join(', ')}`,
      );
      return;
    }
    const name = notice.uri ? await this.nameOf(vscode.Uri.parse(notice.uri)) : undefined;
    const message = name
      ? vscode.l10n.t(
          'The draft of {0} could not be read ({1}) and was set aside as {2}; the document shows what the tenant holds.',
          name,
          notice.problem,
          path.basename(notice.movedTo),
        )
      : vscode.l10n.t(
          'A draft could not be read ({0}) and was set aside as {1}.',
          notice.problem,
          path.basename(notice.movedTo),
        );
    this.log.warn(`${message} (${notice.movedTo})`);
    const show = vscode.l10n.t('Show Log');
    void this.ui.warn(message, show).then((c) => c === show && this.log.show());
  }
}
