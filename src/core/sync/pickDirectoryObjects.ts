import type { GraphClient } from '../graph/graphClient';
import { searchGroups, searchUsers } from '../graph/operations/directorySearch';
import type { Back, PickItem, SearchOptions, StepPosition, UserInput } from '../ports/userInput';

/** A user or group picked from a tenant's directory. */
export interface DirectoryObject {
  readonly id: string;
  readonly name: string;
  readonly type: 'User' | 'Group';
}

/** The words of the pick, from the command (localised there). */
export interface DirectoryPickWords {
  readonly title: string;
  readonly placeHolder: string;
  /** The description that marks a group among users. */
  readonly group: string;
}

/** The search of users and groups in one tenant: 10 users and 5 groups a search. */
function directorySearch(
  client: GraphClient,
  words: DirectoryPickWords,
): SearchOptions<DirectoryObject> {
  return {
    title: words.title,
    placeHolder: words.placeHolder,
    canPickMany: true,
    matchOnDetail: true,
    key: (o) => o.id,
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
          description: words.group,
          detail: g.mail ?? '',
          value: { id: g.id!, name: g.displayName ?? g.id!, type: 'Group' as const },
        })),
      ];
    },
  };
}

/**
 * Users and groups of one tenant, searched as the user types (display names, user principal names
 * and mail starting with the text) and chosen several at a time. Nothing chosen or the pick
 * dismissed throws UserCancelledError, as every prompt does.
 */
export function pickDirectoryObjects(
  ui: UserInput,
  client: GraphClient,
  words: DirectoryPickWords,
): Promise<DirectoryObject[]> {
  return ui.search(directorySearch(client, words));
}

/** pickDirectoryObjects as a step of a flow: BACK when its Back button is pressed. */
export function pickDirectoryObjectsStep(
  ui: UserInput,
  client: GraphClient,
  words: DirectoryPickWords,
  at: StepPosition,
): Promise<DirectoryObject[] | Back> {
  return ui.searchStep(directorySearch(client, words), at);
}
