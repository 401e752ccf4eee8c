import * as vscode from 'vscode';
import type { GraphClient } from '../core/graph/graphClient';
import type { UserInput } from '../core/ports/userInput';
import {
  pickDirectoryObjects as pickInCore,
  type DirectoryObject,
  type DirectoryPickWords,
} from '../core/sync/pickDirectoryObjects';

export type { DirectoryObject };

/** The words of the user-and-group search under `title`. */
export function directoryPickWords(title: string): DirectoryPickWords {
  return {
    title,
    placeHolder: vscode.l10n.t('Type the start of a name, user principal name or email address'),
    group: vscode.l10n.t('group'),
  };
}

/**
 * A search-as-you-type pick of users and groups in one tenant (core/sync/pickDirectoryObjects:
 * `ui.search` waits for the typing to pause and cancels earlier searches). Several may be chosen.
 * Dismissed, or nothing chosen: UserCancelledError.
 */
export function pickDirectoryObjects(
  ui: UserInput,
  client: GraphClient,
  title: string,
): Promise<DirectoryObject[]> {
  return pickInCore(ui, client, directoryPickWords(title));
}
