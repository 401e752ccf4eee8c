import type { Diagnostic } from '../diagnostic';
import { nodeDiagnostic, stringValue } from '../jsonTree';
import { replaceNodeFix } from '../quickFixes';
import type { Rule } from './rule';
import { SPECIAL_TARGETS, targetEntries } from './targets';

const CODE = 'special-target';

/**
 * The special target values carry a fixed target type and belong in one kind of list: `AllUsers`
 * is a user target for users-and-groups lists; `AllApplications`, `Office365` and
 * `AllMicrosoftApps` are application targets, and the last two exist only for application lists.
 */
export const specialTargets: Rule = {
  code: CODE,
  check({ kind, root, positions }) {
    const diagnostics: Diagnostic[] = [];
    for (const entry of targetEntries(root, kind.graphType)) {
      const value = stringValue(entry.target);
      if (
        !entry.target ||
        value === undefined ||
        !Object.prototype.hasOwnProperty.call(SPECIAL_TARGETS, value)
      )
        continue;
      const rule = SPECIAL_TARGETS[value];
      if (rule.list !== entry.list) {
        const where =
          rule.list === 'applications'
            ? 'an `applications` list'
            : 'a `usersAndGroups` (or `users`) list';
        diagnostics.push(
          nodeDiagnostic(
            positions,
            entry.target,
            'error',
            CODE,
            `"${value}" can only be used in ${where}, not in \`${entry.listName}\`: move it, or name a specific target here.`,
          ),
        );
        continue;
      }
      const type = stringValue(entry.targetType);
      if (type === rule.targetType) continue;
      if (entry.targetType) {
        diagnostics.push(
          nodeDiagnostic(
            positions,
            entry.targetType,
            'error',
            CODE,
            `"${value}" needs \`targetType\` "${rule.targetType}".`,
            [
              replaceNodeFix(
                positions,
                entry.targetType,
                JSON.stringify(rule.targetType),
                `Change targetType to "${rule.targetType}"`,
              ),
            ],
          ),
        );
      } else {
        diagnostics.push(
          nodeDiagnostic(
            positions,
            entry.target,
            'error',
            CODE,
            `"${value}" needs \`targetType\` "${rule.targetType}": add it next to \`target\`.`,
          ),
        );
      }
    }
    return diagnostics;
  },
};
