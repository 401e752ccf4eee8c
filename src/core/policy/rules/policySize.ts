import { jsonValue, makeDiagnostic } from '../jsonTree';
import { POLICY_SIZE_LIMIT_BYTES, policyBytes } from '../policyBytes';
import type { Rule } from './rule';

const CODE = 'policy-size';

/** Warn from this share of the limit on: the estimate is not Graph's exact count. */
const WARN_AT = 0.9;

/**
 * The 25 KB limit counts the default settings and every partner together, so it is only visible
 * with the rest of the policy's size, which the caller passes in; a document over it on its own is
 * an error everywhere (the CLI's validate knows nothing of the rest). Anchored on the document's
 * opening brace: the size belongs to the document as a whole.
 */
export const policySize: Rule = {
  code: CODE,
  check({ kind, root, positions, input }) {
    if (kind.id !== 'partner' && kind.id !== 'default') return [];
    const own = policyBytes(jsonValue(root));
    // Over the limit on its own, the document can never be pushed, whatever the rest of the policy holds.
    if (own > POLICY_SIZE_LIMIT_BYTES)
      return [
        makeDiagnostic(
          positions,
          root.offset,
          1,
          'error',
          CODE,
          `This document alone is about ${(own / 1024).toFixed(1)} KB, over Graph's 25 KB limit for the whole cross-tenant access policy (default settings and all partners): Graph refuses it. Remove targets you no longer need, or name groups instead of users.`,
        ),
      ];
    if (input.restOfPolicyBytes === undefined) return [];
    const total = input.restOfPolicyBytes + own;
    if (total < POLICY_SIZE_LIMIT_BYTES * WARN_AT) return [];
    const kb = (total / 1024).toFixed(1);
    const message =
      total > POLICY_SIZE_LIMIT_BYTES
        ? `With this document the cross-tenant access policy (default settings and all partners) would be about ${kb} KB, over Graph's 25 KB limit: Graph will refuse the change. Remove targets or partners you no longer need.`
        : `With this document the cross-tenant access policy (default settings and all partners) would be about ${kb} KB, close to Graph's 25 KB limit. Prefer groups over individual users, and remove partners you no longer need.`;
    return [makeDiagnostic(positions, root.offset, 1, 'warning', CODE, message)];
  },
};
