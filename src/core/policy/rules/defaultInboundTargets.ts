import type { Diagnostic } from '../diagnostic';
import { nodeDiagnostic, stringValue } from '../jsonTree';
import type { Rule } from './rule';
import { targetEntries } from './targets';

const CODE = 'default-inbound-target';

const INBOUND_SETTINGS = new Set(['b2bCollaborationInbound', 'b2bDirectConnectInbound']);

/**
 * The default settings apply to every external tenant, and inbound users and groups live in those
 * tenants: an object id can only mean something for one partner. So the default's inbound
 * users-and-groups lists may only target AllUsers.
 */
export const defaultInboundTargets: Rule = {
  code: CODE,
  check({ kind, root, positions }) {
    if (kind.id !== 'default') return [];
    const diagnostics: Diagnostic[] = [];
    for (const entry of targetEntries(root, kind.graphType)) {
      if (
        !INBOUND_SETTINGS.has(entry.setting) ||
        entry.listName !== 'usersAndGroups' ||
        !entry.target
      )
        continue;
      if (stringValue(entry.target) === 'AllUsers') continue;
      diagnostics.push(
        nodeDiagnostic(
          positions,
          entry.target,
          'error',
          CODE,
          `The default settings cover every external tenant, so \`${entry.setting}\` can only target "AllUsers": users and groups of other tenants can't be named here. Target them in that partner's configuration instead.`,
        ),
      );
    }
    return diagnostics;
  },
};
