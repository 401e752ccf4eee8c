import { nodeDiagnostic, stringValue, valueNamed } from '../jsonTree';
import { replaceNodeFix } from '../quickFixes';
import type { Rule } from './rule';

const CODE = 'tenant-id-mismatch';

/**
 * The partner tenant id comes from the document's location (URI or file name). A `tenantId` in the
 * text that names another tenant would make a push change the wrong partner, or fail.
 */
export const tenantIdMatch: Rule = {
  code: CODE,
  check({ kind, root, positions, input }) {
    const expected = input.expectedTenantId;
    if (!expected || !kind.uriKeys.some((entry) => entry.key === 'tenantId')) return [];
    const node = valueNamed(root, 'tenantId');
    const value = stringValue(node);
    if (!node || value === undefined || value.toLowerCase() === expected.toLowerCase()) return [];
    return [
      nodeDiagnostic(
        positions,
        node,
        'error',
        CODE,
        `This document belongs to partner tenant ${expected} (from its location), but \`tenantId\` is "${value}": set it to ${expected}, or remove it.`,
        [replaceNodeFix(positions, node, JSON.stringify(expected), `Change to "${expected}"`)],
      ),
    ];
  },
};
