import { CLOUDS } from '../../auth/clouds';
import type { Diagnostic } from '../diagnostic';
import { nodeDiagnostic, stringValue, valueNamed } from '../jsonTree';
import { replaceNodeFix } from '../quickFixes';
import type { Rule } from './rule';

const CODE = 'cloud-endpoint';

const ENDPOINTS = [...new Set(Object.values(CLOUDS).map((cloud) => cloud.allowedCloudEndpoint))];

/** `allowedCloudEndpoints` names Microsoft clouds by their sign-in domain; anything else reaches no cloud. */
export const cloudEndpoints: Rule = {
  code: CODE,
  check({ kind, root, positions }) {
    if (kind.id !== 'policy') return [];
    const list = valueNamed(root, 'allowedCloudEndpoints');
    const diagnostics: Diagnostic[] = [];
    for (const item of list?.type === 'array' ? (list.children ?? []) : []) {
      const value = stringValue(item);
      if (value === undefined || ENDPOINTS.includes(value)) continue;
      const meant = ENDPOINTS.find((endpoint) => endpoint === value.trim().toLowerCase());
      diagnostics.push(
        nodeDiagnostic(
          positions,
          item,
          'warning',
          CODE,
          `"${value}" is not a Microsoft cloud Graph supports for cross-cloud collaboration: use ${ENDPOINTS.map((endpoint) => `"${endpoint}"`).join(', ')}.`,
          meant
            ? [replaceNodeFix(positions, item, JSON.stringify(meant), `Change to "${meant}"`)]
            : [],
        ),
      );
    }
    return diagnostics;
  },
};
