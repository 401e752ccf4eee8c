import * as vscode from 'vscode';
import type { GraphClient } from '../core/graph/graphClient';
import { searchGroups, searchUsers } from '../core/graph/operations/directorySearch';
import type { PickItem, UserInput } from '../core/ports/userInput';

/** A user or group picked from a tenant's directory. */
export interface DirectoryObject {
  readonly id: string;
  readonly name: string;
  readonly type: 'User' | 'Group';
}

/**
 * A search-as-you-type pick of users and groups in one tenant (through Graph; `ui.search` waits for
 * the typing to pause and cancels earlier searches). Several may be chosen; choices survive new
 * searches. Dismissed, or nothing chosen: UserCancelledError. A failed search is an error the pick
 * shows, never "no results".
 */
export function pickDirectoryObjects(
  ui: UserInput,
  client: GraphClient,
  title: string,
): Promise<DirectoryObject[]> {
  return ui.search<DirectoryObject>({
    title,
    placeHolder: vscode.l10n.t('Type the start of a user or group name'),
    canPickMany: true,
    matchOnDetail: true,
    find: async (text, signal): Promise<PickItem<DirectoryObject>[]> => {
      const [users, groups] = await Promise.all([
        searchUsers(client, text, { signal, top: 10 }),
        searchGroups(client, text, { signal, top: 5 }),
      ]);
      return [
        ...users.map((u) => ({
          label: u.displayName ?? u.id!,
          detail: u.userPrincipalName ?? u.mail ?? '',
          value: {
            id: u.id!,
            name: u.displayName ?? u.userPrincipalName ?? u.id!,
            type: 'User' as const,
          },
        })),
        ...groups.map((g) => ({
          label: g.displayName ?? g.id!,
          description: vscode.l10n.t('group'),
          detail: g.mail ?? '',
          value: { id: g.id!, name: g.displayName ?? g.id!, type: 'Group' as const },
        })),
      ];
    },
  });
}
