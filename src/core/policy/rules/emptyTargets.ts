import type { Diagnostic } from '../diagnostic';
import { nodeDiagnostic, valueNamed } from '../jsonTree';
import type { Rule } from './rule';
import { typedObjects } from './typedObjects';

const CODE = 'empty-targets';

/**
 * An access type with no targets says nothing about anyone: it is either an unfinished edit or a
 * mistaken attempt to mean "nobody" or "everybody", which need AllUsers/AllApplications.
 */
export const emptyTargets: Rule = {
  code: CODE,
  check({ kind, root, positions }) {
    const diagnostics: Diagnostic[] = [];
    for (const entry of typedObjects(root, kind.graphType)) {
      if (entry.type !== 'crossTenantAccessPolicyTargetConfiguration') continue;
      const targets = valueNamed(entry.node, 'targets');
      if (targets?.type !== 'array' || (targets.children ?? []).length > 0) continue;
      const listName = String(entry.path[entry.path.length - 1]);
      const everyone = listName === 'applications' ? '"AllApplications"' : '"AllUsers"';
      diagnostics.push(
        nodeDiagnostic(
          positions,
          targets,
          'warning',
          CODE,
          `\`targets\` of \`${listName}\` is empty: list at least one target (e.g. ${everyone} or an object id), or set \`${listName}\` to null.`,
        ),
      );
    }
    return diagnostics;
  },
};
