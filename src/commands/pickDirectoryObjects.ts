import * as vscode from 'vscode';
import type { GraphClient } from '../core/graph/graphClient';
import { searchGroups, searchUsers } from '../core/graph/operations/directorySearch';

/** A user or group picked from a tenant's directory. */
export interface DirectoryObject {
  readonly id: string;
  readonly name: string;
  readonly type: 'User' | 'Group';
}

/**
 * A search-as-you-type pick of users and groups in one tenant (through Graph, 300 ms after the last
 * key, earlier searches cancelled). Several may be chosen; choices survive new searches.
 */
export async function pickDirectoryObjects(
  client: GraphClient,
  title: string,
): Promise<DirectoryObject[] | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { object: DirectoryObject }>();
  pick.title = title;
  pick.placeholder = 'Type the start of a user or group name';
  pick.canSelectMany = true;
  pick.matchOnDetail = true;
  let abort: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;
  pick.onDidChangeValue((value) => {
    clearTimeout(timer);
    abort?.abort();
    if (value.trim().length < 2) return;
    timer = setTimeout(() => {
      const current = new AbortController();
      abort = current;
      pick.busy = true;
      Promise.all([
        searchUsers(client, value.trim(), { signal: current.signal, top: 10 }),
        searchGroups(client, value.trim(), { signal: current.signal, top: 5 }),
      ])
        .then(
          ([users, groups]) => {
            const chosen = pick.selectedItems;
            const found = [
              ...users.map((u) => ({
                label: u.displayName ?? u.id!,
                detail: u.userPrincipalName ?? u.mail ?? '',
                object: {
                  id: u.id!,
                  name: u.displayName ?? u.userPrincipalName ?? u.id!,
                  type: 'User' as const,
                },
              })),
              ...groups.map((g) => ({
                label: g.displayName ?? g.id!,
                description: 'group',
                detail: g.mail ?? '',
                object: { id: g.id!, name: g.displayName ?? g.id!, type: 'Group' as const },
              })),
            ];
            pick.items = [
              ...chosen,
              ...found.filter((f) => !chosen.some((c) => c.object.id === f.object.id)),
            ];
            pick.selectedItems = chosen;
          },
          () => undefined,
        )
        .finally(() => {
          if (abort === current) pick.busy = false;
        });
    }, 300);
  });
  const result = await new Promise<DirectoryObject[] | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems.map((i) => i.object)));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  clearTimeout(timer);
  abort?.abort();
  pick.dispose();
  return result;
}
