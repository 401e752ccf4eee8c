import * as vscode from 'vscode';
import { Disposable } from '../host/disposable';

/**
 * What our document file systems have in common: every document is a file whose identity is in its
 * URI, there are no folders to list, create or rename, and nothing is watched (changes come from
 * our own operations, announced as tenant changes: see followTenantChanges).
 */
export abstract class DocumentFileSystem extends Disposable implements vscode.FileSystemProvider {
  protected readonly changed = this._register(new vscode.EventEmitter<vscode.FileChangeEvent[]>());
  readonly onDidChangeFile = this.changed.event;

  abstract stat(uri: vscode.Uri): vscode.FileStat | Thenable<vscode.FileStat>;
  abstract readFile(uri: vscode.Uri): Uint8Array | Thenable<Uint8Array>;
  abstract writeFile(uri: vscode.Uri, content: Uint8Array): void | Thenable<void>;
  abstract delete(uri: vscode.Uri): void;

  /**
   * The tenant changed what these documents hold: open editors and diffs read them again, or
   * (deleted) VS Code marks their tabs as deleted.
   */
  liveChanged(uris: readonly vscode.Uri[], deleted = false): void {
    const type = deleted ? vscode.FileChangeType.Deleted : vscode.FileChangeType.Changed;
    if (uris.length) this.changed.fire(uris.map((uri) => ({ type, uri })));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}
