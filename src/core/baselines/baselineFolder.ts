import { DOCUMENT_KINDS } from '../policy/documentKinds';
import { toWorkspacePath } from '../policy/documentUri';
import { isPlainObject, type JsonRecord } from '../policy/documentPaths';
import { readExportedFile, type ExportFile } from '../policy/exportLayout';
import {
  BASELINE_SOURCES,
  type BaselineSourceId,
  type SourceState,
  type TenantBaselineData,
  type UnavailableReason,
} from './baselineSources';

/**
 * Where the data of the baselines lives in an exported tenant folder. The default settings and
 * the policy are the export's own documents; what the export layout does not hold gets a file of
 * its own under `<folder>/baseline-data/`, written beside the export, so a pipeline can check an
 * exported folder offline and get what a live check gets:
 *
 *   <folder>/baseline-data/tenant.json                    the tenant's id and name (the folder is a domain)
 *   <folder>/baseline-data/policyId.json                  the policy's id (the policy file leaves it out)
 *   <folder>/baseline-data/authorizationPolicy.json       v1.0 authorizationPolicy
 *   <folder>/baseline-data/b2bManagementPolicy.beta.json  the B2B management policy, definition parsed
 *   <folder>/baseline-data/globalSecureAccess.beta.json   Global Secure Access cross-tenant settings
 *   <folder>/baseline-data/unavailable.json               why a source above could not be read, by source
 */
export const BASELINE_DATA_FOLDER = 'baseline-data';

const DATA_FILES: Readonly<Partial<Record<BaselineSourceId, string>>> = {
  authorizationPolicy: 'authorizationPolicy.json',
  b2bManagementPolicy: 'b2bManagementPolicy.beta.json',
  globalSecureAccess: 'globalSecureAccess.beta.json',
};
const DATA_SOURCES = Object.keys(DATA_FILES) as BaselineSourceId[];
const POLICY_ID_FILE = 'policyId.json';
const TENANT_FILE = 'tenant.json';
const UNAVAILABLE_FILE = 'unavailable.json';
const REASONS: readonly UnavailableReason[] = [
  'permissionDenied',
  'licence',
  'betaOff',
  'notFetched',
  'error',
];

function dataFilePath(folder: string, file: string): string {
  return `${folder.toLowerCase()}/${BASELINE_DATA_FOLDER}/${file}`;
}

/** The file (relative to the export root) that holds a setting the rules read. */
export function baselineFilePath(folder: string, data: BaselineSourceId, path: string): string {
  if (data === 'default') return toWorkspacePath({ kind: 'default', tenant: folder });
  if (data === 'policy' && path.split('.')[0] !== 'id')
    return toWorkspacePath({ kind: 'policy', tenant: folder });
  return dataFilePath(folder, data === 'policy' ? POLICY_ID_FILE : DATA_FILES[data]!);
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
 * The baseline-data files for a tenant read live, to write beside its export: the tenant's id and
 * name, each source that was read, and for each that could not be read the reason, so an offline
 * check says what a live one said then. A source nobody asked for is not in the export.
 */
export function baselineDataFiles(data: TenantBaselineData): ExportFile[] {
  const files: ExportFile[] = [
    {
      path: dataFilePath(data.folder, TENANT_FILE),
      text: stableText({
        tenantId: data.tenantId,
        ...(data.displayName === undefined ? {} : { displayName: data.displayName }),
      }),
    },
  ];
  const unavailable: Record<string, { reason: UnavailableReason; detail: string }> = {};
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
    else if (state) unavailable[source] = { reason: state.reason, detail: state.detail };
  }
  if (Object.keys(unavailable).length > 0)
    files.push({
      path: dataFilePath(data.folder, UNAVAILABLE_FILE),
      text: stableText(unavailable),
    });
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
 * relative to the export root, or undefined when there is no such file. The tenant's id and name
 * come from the caller, else from tenant.json, else the id is the folder's name.
 */
export function readBaselineFolder(
  tenant: FolderTenant,
  readFile: (relativePath: string) => string | undefined,
): TenantBaselineData {
  const folder = tenant.folder.toLowerCase();
  const recorded = jsonObjectFile(readFile(dataFilePath(folder, TENANT_FILE)));
  const unavailable = jsonObjectFile(readFile(dataFilePath(folder, UNAVAILABLE_FILE)));
  const sources: Partial<Record<BaselineSourceId, SourceState>> = {
    default: documentFile(folder, 'default', readFile),
    policy: withPolicyId(folder, documentFile(folder, 'policy', readFile), readFile),
  };
  for (const source of DATA_SOURCES) {
    const path = baselineFilePath(folder, source, '');
    const text = readFile(path);
    sources[source] =
      text !== undefined
        ? parseJsonFile(path, text)
        : (recordedUnavailable(unavailable?.[source]) ?? {
            state: 'unavailable',
            reason: 'notFetched',
            detail: `The export has no ${path} (${BASELINE_SOURCES[source].title}).`,
          });
  }
  const recordedId = typeof recorded?.tenantId === 'string' ? recorded.tenantId : undefined;
  const recordedName = typeof recorded?.displayName === 'string' ? recorded.displayName : undefined;
  return {
    tenantId: tenant.tenantId ?? recordedId ?? folder,
    displayName: tenant.displayName ?? recordedName,
    folder,
    sources,
  };
}

/** A JSON object file's value; undefined when there is no file or it holds something else. */
function jsonObjectFile(text: string | undefined): JsonRecord | undefined {
  if (text === undefined) return undefined;
  const parsed = parseJsonFile('', text);
  return parsed.state === 'available' ? parsed.value : undefined;
}

/** An entry of unavailable.json, as the live read reported it; undefined when it is not one. */
function recordedUnavailable(entry: unknown): SourceState | undefined {
  if (!isPlainObject(entry)) return undefined;
  const { reason, detail } = entry;
  if (typeof detail !== 'string' || !(REASONS as readonly unknown[]).includes(reason))
    return undefined;
  return { state: 'unavailable', reason: reason as UnavailableReason, detail };
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
