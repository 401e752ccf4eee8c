import { GraphError } from './graphError';

const CODE = 'request_multipleobjectswithsamekeyvalue';

/**
 * A create refused because the object exists. Graph documents 409 with
 * `Request_MultipleObjectsWithSameKeyValue` (graph-api.md §2, §4); either one is enough, so a
 * directory that answers the code with another status, or 409 with another code, is read the same.
 */
export function isAlreadyExists(err: unknown): boolean {
  return err instanceof GraphError && (err.status === 409 || err.code.toLowerCase() === CODE);
}
