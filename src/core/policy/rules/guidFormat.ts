import type { Diagnostic, QuickFix } from '../diagnostic';
import { nodeDiagnostic, stringValue, valueNamed, type Node } from '../jsonTree';
import { replaceNodeFix } from '../quickFixes';
import type { TextPositions } from '../textPositions';
import { isGuid } from '../guid';
import type { Rule } from './rule';
import { SPECIAL_TARGETS, targetEntries } from './targets';

const CODE = 'guid-format';

const WHAT_TARGET_NAMES: Readonly<Record<string, string>> = {
  user: 'the object id of a user (a GUID, 8-4-4-4-12 hexadecimal digits) or "AllUsers"',
  group: 'the object id of a group (a GUID, 8-4-4-4-12 hexadecimal digits)',
  application:
    'the application (client) id of an application (a GUID, 8-4-4-4-12 hexadecimal digits), or "AllApplications", "Office365" or "AllMicrosoftApps"',
};

/**
 * Tenant ids and user, group and application targets are GUIDs. Catches names typed instead of
 * ids, ids pasted with braces or spaces, and special values in the wrong case (`allusers`), which
 * Graph would take as an id that matches nothing.
 */
export const guidFormat: Rule = {
  code: CODE,
  check({ kind, root, positions, input }) {
    const diagnostics: Diagnostic[] = [];
    // With a known expected tenant id the tenant-id rule reports any other value, with a fix to the right one.
    if (
      kind.uriKeys.some((entry) => entry.key === 'tenantId') &&
      input.expectedTenantId === undefined
    ) {
      const tenantId = valueNamed(root, 'tenantId');
      const value = stringValue(tenantId);
      if (tenantId && value !== undefined && !isGuid(value)) {
        diagnostics.push(
          nodeDiagnostic(
            positions,
            tenantId,
            'error',
            CODE,
            '`tenantId` must be a tenant id: a GUID (8-4-4-4-12 hexadecimal digits), not a domain name.',
            cleanupFix(positions, tenantId, value),
          ),
        );
      }
    }
    for (const entry of targetEntries(root, kind.graphType)) {
      const type = stringValue(entry.targetType);
      const value = stringValue(entry.target);
      if (
        !entry.target ||
        value === undefined ||
        type === undefined ||
        !(type in WHAT_TARGET_NAMES)
      )
        continue;
      if (Object.prototype.hasOwnProperty.call(SPECIAL_TARGETS, value) || isGuid(value)) continue;
      const special = Object.keys(SPECIAL_TARGETS).find(
        (name) => name.toLowerCase() === value.trim().toLowerCase(),
      );
      if (special) {
        diagnostics.push(
          nodeDiagnostic(
            positions,
            entry.target,
            'error',
            CODE,
            `Special target values are case-sensitive: write "${special}".`,
            [
              replaceNodeFix(
                positions,
                entry.target,
                JSON.stringify(special),
                `Change to "${special}"`,
              ),
            ],
          ),
        );
        continue;
      }
      diagnostics.push(
        nodeDiagnostic(
          positions,
          entry.target,
          'error',
          CODE,
          `\`target\` must be ${WHAT_TARGET_NAMES[type]}.`,
          cleanupFix(positions, entry.target, value),
        ),
      );
    }
    return diagnostics;
  },
};

/** `{guid}` or ` guid ` as pasted from a portal or PowerShell → the bare GUID. */
function cleanupFix(positions: TextPositions, node: Node, value: string): QuickFix[] {
  const bare = value
    .trim()
    .replace(/^\{(.*)\}$/, '$1')
    .trim();
  return bare !== value && isGuid(bare)
    ? [replaceNodeFix(positions, node, JSON.stringify(bare), `Change to "${bare}"`)]
    : [];
}
