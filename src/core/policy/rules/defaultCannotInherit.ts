import { cannotInherit, cannotInheritMessage } from '../cannotInherit';
import type { Diagnostic } from '../diagnostic';
import {
  jsonValue,
  keyName,
  makeDiagnostic,
  nodeDiagnostic,
  propertiesOf,
  valueOf,
} from '../jsonTree';
import type { Rule } from './rule';

const CODE = 'default-cannot-inherit';

/**
 * A default setting that would be sent as `null` (see cannotInherit): an error at the `null`, or,
 * for a setting removed since the version the document started from (`startedFrom`, when the
 * caller knows it), at the document's opening brace, where the missing property belonged.
 */
export const defaultCannotInherit: Rule = {
  code: CODE,
  check({ kind, root, positions, input }) {
    if (kind.id !== 'default') return [];
    const values = new Map(propertiesOf(root).map((p) => [keyName(p), valueOf(p)]));
    return cannotInherit(input.startedFrom, jsonValue(root) as object).map((key): Diagnostic => {
      const value = values.get(key);
      return value
        ? nodeDiagnostic(positions, value, 'error', CODE, cannotInheritMessage(key, false))
        : makeDiagnostic(positions, root.offset, 1, 'error', CODE, cannotInheritMessage(key, true));
    });
  },
};
