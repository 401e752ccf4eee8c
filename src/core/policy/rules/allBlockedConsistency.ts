import type { Diagnostic } from '../diagnostic';
import {
  keyOf,
  nodeDiagnostic,
  propertyNamed,
  stringValue,
  valueNamed,
  valueOf,
  type Node,
} from '../jsonTree';
import { replaceWithValueFix } from '../quickFixes';
import type { Rule } from './rule';

const CODE = 'all-blocked';

const B2B_SETTINGS = [
  'b2bCollaborationInbound',
  'b2bCollaborationOutbound',
  'b2bDirectConnectInbound',
  'b2bDirectConnectOutbound',
];

const SIDES = [
  {
    blocked: 'usersAndGroups',
    everyone: 'AllUsers',
    other: 'applications',
    otherEveryone: 'AllApplications',
    otherType: 'application',
    noun: 'users',
    otherNoun: 'applications',
  },
  {
    blocked: 'applications',
    everyone: 'AllApplications',
    other: 'usersAndGroups',
    otherEveryone: 'AllUsers',
    otherType: 'user',
    noun: 'applications',
    otherNoun: 'users',
  },
] as const;

/**
 * Within one B2B setting, blocking all users means all applications must be blocked too, and the
 * reverse: Microsoft Entra requires it (a setting that blocks every user from some apps only is refused).
 * Checked when both halves are written out; a missing half is left to Graph's defaults.
 */
export const allBlockedConsistency: Rule = {
  code: CODE,
  check({ root, positions }) {
    const diagnostics: Diagnostic[] = [];
    for (const setting of B2B_SETTINGS) {
      const value = valueNamed(root, setting);
      if (value?.type !== 'object') continue;
      for (const side of SIDES) {
        if (!blocksEveryone(valueNamed(value, side.blocked), side.everyone)) continue;
        const other = propertyNamed(value, side.other);
        if (
          !other ||
          valueOf(other).type !== 'object' ||
          blocksEveryone(valueOf(other), side.otherEveryone)
        )
          continue;
        const required = {
          accessType: 'blocked',
          targets: [{ target: side.otherEveryone, targetType: side.otherType }],
        };
        diagnostics.push(
          nodeDiagnostic(
            positions,
            keyOf(other),
            'error',
            CODE,
            `All ${side.noun} are blocked in \`${setting}\`, so all ${side.otherNoun} must be blocked too: set \`${side.other}\` to "blocked" for "${side.otherEveryone}".`,
            [
              replaceWithValueFix(
                positions,
                valueOf(other),
                required,
                `Block all ${side.otherNoun} in ${setting}`,
              ),
            ],
          ),
        );
      }
    }
    return diagnostics;
  },
};

function blocksEveryone(configuration: Node | undefined, everyone: string): boolean {
  if (
    configuration?.type !== 'object' ||
    stringValue(valueNamed(configuration, 'accessType')) !== 'blocked'
  )
    return false;
  const targets = valueNamed(configuration, 'targets');
  return (targets?.children ?? []).some(
    (target) => stringValue(valueNamed(target, 'target')) === everyone,
  );
}
