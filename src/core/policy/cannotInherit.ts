import { isUnset } from '../jsonEqual';
import { unsentKeys, type JsonRecord } from './documentPaths';

/**
 * The settings of a default-settings draft that would have to go to Graph as `null`: written as
 * `null`, or held by the version the draft started from and left out. Graph documents `null` as
 * "inherit from the default" only for partner settings; the default has nothing to inherit from,
 * so such a draft is refused (diagnostic `default-cannot-inherit`, and both pushes) instead of
 * sending what Graph does not document. Keys never sent (server-owned, read-only) and `@odata.*`
 * annotations do not count, nor a setting the start holds unset too (Graph returned it so, and
 * the push leaves it alone).
 */
export function cannotInherit(startedFrom: object | undefined, draft: object): string[] {
  const before = (startedFrom ?? {}) as JsonRecord;
  const now = draft as JsonRecord;
  const unsent = new Set(unsentKeys('default'));
  return [...new Set([...Object.keys(now), ...Object.keys(before)])].filter(
    (key) =>
      !unsent.has(key) &&
      !key.includes('@odata.') &&
      (now[key] === null || now[key] === undefined) &&
      // Left as Graph returned it (unset too), it sends nothing; without a start, null is flagged.
      (startedFrom === undefined ? now[key] === null : !isUnset(before[key])),
  );
}

/** What the user reads about one such setting (diagnostic and push refusal alike). */
export function cannotInheritMessage(key: string, removed: boolean): string {
  return `\`${key}\`${removed ? ' was removed' : ''}: the default settings cannot inherit; set a value or use Reset to Microsoft Defaults.`;
}
