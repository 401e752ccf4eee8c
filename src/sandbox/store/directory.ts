import { str, type JsonObject } from '../json';

/** A user object (all the properties the sandbox serves) plus engine facts Graph does not expose. */
export interface DirectoryUser {
  readonly object: JsonObject;
  /** SMS sign-in users carry an alternative security id, so the built-in "Filter external users" scope skips them. */
  readonly smsSignIn: boolean;
}

export interface DirectoryGroup {
  readonly object: JsonObject;
  readonly memberIds: readonly string[];
}

/** A tenant's users and groups. Generated from the seed and read-only: no sandbox route writes them. */
export class Directory {
  readonly usersById: ReadonlyMap<string, DirectoryUser>;
  readonly groupsById: ReadonlyMap<string, DirectoryGroup>;

  constructor(
    readonly users: readonly DirectoryUser[],
    readonly groups: readonly DirectoryGroup[],
  ) {
    this.usersById = new Map(users.map((u) => [str(u.object.id), u]));
    this.groupsById = new Map(groups.map((g) => [str(g.object.id), g]));
  }
}
