import type { Diagnostic } from '../diagnostic';
import { keyName, keyOf, nodeDiagnostic, propertiesOf, type Node } from '../jsonTree';
import { removeChildFix } from '../quickFixes';
import type { Rule } from './rule';

const CODE = 'duplicate-key';

/**
 * A key written twice in one object: JSON parsers (and Graph) silently keep the last one, so the
 * first looks like it applies but does not. jsonc-parser does not report it; the tree shows it.
 * A warning, as VS Code's JSON parser reports it in Problems (listedByJsonService.ts): what is sent
 * is the last one, as the push's change summary shows.
 */
export const duplicateKeys: Rule = {
  code: CODE,
  check({ root, positions }) {
    const diagnostics: Diagnostic[] = [];
    const visit = (node: Node): void => {
      const seen = new Set<string>();
      for (const property of propertiesOf(node)) {
        const name = keyName(property);
        if (seen.has(name)) {
          diagnostics.push(
            nodeDiagnostic(
              positions,
              keyOf(property),
              'warning',
              CODE,
              `"${name}" appears more than once in this object, and only the last one counts: remove the duplicate.`,
              [removeChildFix(positions, property, `Remove this duplicate "${name}"`)],
            ),
          );
        }
        seen.add(name);
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(root);
    return diagnostics;
  },
};
