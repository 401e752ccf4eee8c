import type { Diagnostic } from '../diagnostic';
import { nodeDiagnostic, stringValue } from '../jsonTree';
import { replaceNodeFix } from '../quickFixes';
import type { Rule } from './rule';
import { isSpecialTarget, targetEntries } from './targets';

const CODE = 'target-type';

/**
 * An `applications` list holds application targets only; a users-and-groups list holds user and
 * group targets only. (Special values are the special-target rule's.)
 */
export const targetTypeForList: Rule = {
  code: CODE,
  check({ kind, root, positions }) {
    const diagnostics: Diagnostic[] = [];
    for (const entry of targetEntries(root, kind.graphType)) {
      const type = stringValue(entry.targetType);
      if (!entry.targetType || type === undefined || isSpecialTarget(entry.target)) continue;
      if (entry.list === 'applications' && (type === 'user' || type === 'group')) {
        diagnostics.push(
          nodeDiagnostic(
            positions,
            entry.targetType,
            'error',
            CODE,
            `Targets in \`applications\` must have \`targetType\` "application", not "${type}".`,
            [
              replaceNodeFix(
                positions,
                entry.targetType,
                '"application"',
                'Change targetType to "application"',
              ),
            ],
          ),
        );
      } else if (entry.list === 'users' && type === 'application') {
        // user or group: only the person editing knows which, so no quick fix.
        diagnostics.push(
          nodeDiagnostic(
            positions,
            entry.targetType,
            'error',
            CODE,
            `Targets in \`${entry.listName}\` must have \`targetType\` "user" or "group", not "application"; applications go in \`applications\`.`,
          ),
        );
      }
    }
    return diagnostics;
  },
};
