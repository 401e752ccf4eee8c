import type { Diagnostic } from '../diagnostic';
import { keyOf, nodeDiagnostic, propertyNamed } from '../jsonTree';
import { removeChildFix } from '../quickFixes';
import type { Rule } from './rule';

const CODE = 'read-only';

/** Read-only properties typed back into a document (the canonical text leaves them out). */
export const readOnlyProperty: Rule = {
  code: CODE,
  check({ kind, root, positions }) {
    const diagnostics: Diagnostic[] = [];
    for (const { key, severity, reason } of kind.readOnlyKeys) {
      const property = propertyNamed(root, key);
      if (!property) continue;
      diagnostics.push(
        nodeDiagnostic(
          positions,
          keyOf(property),
          severity,
          CODE,
          `\`${key}\` can't be set in the ${kind.title.toLowerCase()}: ${reason}. Remove it.`,
          [removeChildFix(positions, property, `Remove "${key}"`)],
        ),
      );
    }
    return diagnostics;
  },
};
