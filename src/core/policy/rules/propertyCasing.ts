import type { Diagnostic } from '../diagnostic';
import { GRAPH_TYPES } from '../graphTypes';
import { keyName, keyOf, nodeDiagnostic, propertiesOf } from '../jsonTree';
import { renameKeyFix } from '../quickFixes';
import type { Rule } from './rule';
import { typedObjects } from './typedObjects';

const CODE = 'property-casing';

/**
 * Graph property names are case-sensitive: `B2BCollaborationInbound` (as PowerShell prints it) or
 * `AccessType` would be an unknown property, silently ignored or rejected.
 */
export const propertyCasing: Rule = {
  code: CODE,
  check({ kind, root, positions }) {
    const diagnostics: Diagnostic[] = [];
    for (const { node, type } of typedObjects(root, kind.graphType)) {
      const known = GRAPH_TYPES[type].map((property) => property.name);
      for (const property of propertiesOf(node)) {
        const name = keyName(property);
        if (known.includes(name)) continue;
        const meant = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
        if (!meant) continue;
        diagnostics.push(
          nodeDiagnostic(
            positions,
            keyOf(property),
            'error',
            CODE,
            `Property names are case-sensitive: "${name}" must be written "${meant}".`,
            [renameKeyFix(positions, property, meant)],
          ),
        );
      }
    }
    return diagnostics;
  },
};
