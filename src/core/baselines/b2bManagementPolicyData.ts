import type { B2bManagementPolicy } from '../graph/types';
import { isPlainObject, type JsonRecord } from '../policy/documentPaths';

/**
 * The B2B management policy as rules read it: the organization's default policy (else the first),
 * with its `definition` parsed from the JSON string Graph stores it as. A tenant that has no policy
 * gets an empty definition: nothing restricts the domains it may invite.
 */
export function b2bManagementPolicyData(policies: readonly B2bManagementPolicy[]): JsonRecord {
  const chosen =
    policies.find((p) => p.isOrganizationDefault === true || p.isOrganizationDefault === 'true') ??
    policies[0];
  if (!chosen) return { definition: {} };
  const text = chosen.definition?.[0];
  return {
    id: chosen.id ?? null,
    displayName: chosen.displayName ?? null,
    definition: text === undefined ? {} : parseDefinition(text),
  };
}

/**
 * Graph's documentation quotes its definition samples with `'` (not JSON), so a text without a
 * single `"` is read with `'` as the quote as well.
 */
function parseDefinition(text: string): JsonRecord {
  for (const candidate of text.includes('"') ? [text] : [text, text.replace(/'/g, '"')]) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (isPlainObject(value)) return value;
    } catch {
      // try the next reading
    }
  }
  throw new Error('The B2B management policy definition is not a JSON object.');
}
