import { DOCUMENT_KINDS } from '../policy/documentKinds';
import { toWorkspacePath } from '../policy/documentUri';
import { isPlainObject } from '../policy/documentPaths';
import { readExportedFile, type ExportFile } from '../policy/exportLayout';
import {
  BASELINE_SOURCES,
  type BaselineSourceId,
  type SourceState,
  type TenantBaselineData,
} from './baselineSources';

/**
 * Where the data of the baselines lives in an exported tenant folder. The default settings and
 * the policy are the export's own documents; what the export layout does not hold gets a file of
 * its own under `<folder>/baseline-data/`, written beside the export, so a pipeline can check an
 * exported folder offline and get what a live check gets:
 *
 *   <folder>/baseline-data/policyId.json                  the policy's id (the policy file leaves it out)
 *   <folder>/baseline-data/authorizationPolicy.json       v1.0 authorizationPolicy
 *   <folder>/baseline-data/b2bManagementPolicy.beta.json  the B2B management policy, definition parsed
 *   <folder>/baseline-data/globalSecureAccess.beta.json   Global Secure Access cross-tenant settings
 */
export const BASELINE_DATA_FOLDER = 'baseline-data';

const DATA_FILES: Readonly<Partial<Record<BaselineSourceId, string>>> = {
  authorizationPolicy: 'authorizationPolicy.json',
  b2bManagementPolicy: 'b2bManagementPolicy.beta.json',
  globalSecureAccess: 'globalSecureAccess.beta.json',
};
const DATA_SOURCES = Object.keys(DATA_FILES) as BaselineSourceId[];
const POLICY_ID_FILE = 'policyId.json';

/** The file (relative to the export root) that holds a setting the rules read. */
export function baselineFilePath(folder: string, data: BaselineSourceId, path: string): string {
  if (data === 'default') return toWorkspacePath({ kind: 'default', tenant: folder });
  if (data === 'policy' && path.split('.')[0] !== 'id')
    return toWorkspacePath({ kind: 'policy', tenant: folder });
  const file = data === 'policy' ? POLICY_ID_FILE : DATA_FILES[data];
  return `${folder.toLowerCase()}/${BASELINE_DATA_FOLDER}/${file}`;
}

/** Stable JSON: keys sorted at every depth, two-space indent, a final newline. */
function stableText(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : isPlainObject(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted(v[k])]),
          )
        : v;
  return `${JSON.stringify(sorted(value), null, 2)}\n`;
}

/**
 * The baseline-data files for a tenant read live, to write beside its export. Only sources that
 * were read are written; an offline check reports the others as not in the export.
 */
export function baselineDataFiles(data: TenantBaselineData): ExportFile[] {
  const files: ExportFile[] = [];
  const policy = data.sources.policy;
  if (policy?.state === 'available' && typeof policy.value.id === 'string')
    files.push({
      path: baselineFilePath(data.folder, 'policy', 'id'),
      text: stableText({ id: policy.value.id }),
    });
  for (const source of DATA_SOURCES) {
    const state = data.sources[source];
    if (state?.state === 'available')
      files.push({
        path: baselineFilePath(data.folder, source, ''),
        text: stableText(state.value),
      });
  }
  return files;
}

export interface FolderTenant {
  /** The tenant folder's name, as the export wrote it. */
  readonly folder: string;
  /** The tenant's id when the caller knows it (a folder named after a domain does not say). */
  readonly tenantId?: string;
  readonly displayName?: string;
}

/**
 * A tenant's baseline data from an exported folder. `readFile` gives a file's text by its path
 * relative to the export root, or undefined when there is no such file.
 */
export function readBaselineFolder(
  tenant: FolderTenant,
  readFile: (relativePath: string) => string | undefined,
): TenantBaselineData {
  const folder = tenant.folder.toLowerCase();
  const sources: Partial<Record<BaselineSourceId, SourceState>> = {
    default: documentFile(folder, 'default', readFile),
    policy: withPolicyId(folder, documentFile(folder, 'policy', readFile), readFile),
  };
  for (const source of DATA_SOURCES) {
    const path = baselineFilePath(folder, source, '');
    const text = readFile(path);
    sources[source] =
      text === undefined
        ? {
            state: 'unavailable',
            reason: 'notFetched',
            detail: `The export has no ${path} (${BASELINE_SOURCES[source].title}).`,
          }
        : parseJsonFile(path, text);
  }
  return { tenantId: tenant.tenantId ?? folder, displayName: tenant.displayName, folder, sources };
}

function documentFile(
  folder: string,
  kind: 'default' | 'policy',
  readFile: (relativePath: string) => string | undefined,
): SourceState {
  const path = toWorkspacePath({ kind, tenant: folder });
  const text = readFile(path);
  if (text === undefined)
    return { state: 'unavailable', reason: 'notFetched', detail: `The export has no ${path}.` };
  const file = readExportedFile(path, text);
  if (!file?.value)
    return {
      state: 'unavailable',
      reason: 'error',
      detail: `${path} is not a JSON object: ${file?.diagnostics[0]?.message ?? 'it does not parse'}.`,
    };
  // The export leaves out what Graph computes; checks on those are not checked, not failed.
  return { state: 'available', value: file.value, omitted: DOCUMENT_KINDS[kind].serverOwnedKeys };
}

/** The policy with its id put back from policyId.json, when the export has one. */
function withPolicyId(
  folder: string,
  policy: SourceState,
  readFile: (relativePath: string) => string | undefined,
): SourceState {
  const path = baselineFilePath(folder, 'policy', 'id');
  const text = readFile(path);
  if (policy.state !== 'available' || text === undefined) return policy;
  const file = parseJsonFile(path, text);
  if (file.state !== 'available' || typeof file.value.id !== 'string') return policy;
  return {
    state: 'available',
    value: { ...policy.value, id: file.value.id },
    omitted: policy.omitted?.filter((key) => key !== 'id'),
  };
}

function parseJsonFile(path: string, text: string): SourceState {
  try {
    const value: unknown = JSON.parse(text);
    if (isPlainObject(value)) return { state: 'available', value };
  } catch {
    // reported below
  }
  return { state: 'unavailable', reason: 'error', detail: `${path} is not a JSON object.` };
}
