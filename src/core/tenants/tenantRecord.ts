import { isCloudName, type CloudName } from '../auth/clouds';
import { isGuid } from '../policy/guid';

/**
 * How a tenant's tokens are obtained. `microsoft` is VS Code's built-in account provider (the
 * default); `sandbox` is the built-in sandbox service; the rest go through @azure/identity and are
 * loaded only when chosen. App-only methods (secret, certificate) keep their secret in VS Code's
 * SecretStorage, never in this record.
 */
export type AuthMethod =
  'microsoft' | 'sandbox' | 'deviceCode' | 'clientSecret' | 'certificate' | 'azureCli';

export const AUTH_METHODS: readonly AuthMethod[] = [
  'microsoft',
  'sandbox',
  'deviceCode',
  'clientSecret',
  'certificate',
  'azureCli',
];

/** A tenant the user added, as remembered across restarts. Names are a cache of the last lookup. */
export interface TenantRecord {
  readonly tenantId: string;
  readonly cloud: CloudName;
  readonly auth: AuthMethod;
  readonly displayName?: string;
  readonly defaultDomain?: string;
  /** The account last used (UPN or app id), shown in the tree; not a credential. */
  readonly account?: string;
  /** The VS Code account id behind `account`, so that silent sign-in picks the same account again. */
  readonly accountId?: string;
  /** App-only methods: the application (client) id. Device code: an optional client id override. */
  readonly clientId?: string;
  /** Certificate method: the PEM file path on the machine that runs the extension host. */
  readonly certificatePath?: string;
  /** The user signed out: no silent sign-in until they sign in again. */
  readonly signedOut?: boolean;
}

/** A tenant is identified by its id and the sign-in method: the same tenant may be added once per method. */
export function tenantKey(t: Pick<TenantRecord, 'tenantId' | 'auth'>): string {
  return `${t.auth}:${t.tenantId.toLowerCase()}`;
}

/**
 * Reads the persisted list leniently: entries that are not valid records are dropped (and counted),
 * so one corrupt entry never loses the others.
 */
export function parseTenantRecords(json: unknown): { records: TenantRecord[]; dropped: number } {
  const list = (json as { tenants?: unknown } | undefined)?.tenants;
  if (!Array.isArray(list)) return { records: [], dropped: 0 };
  const records: TenantRecord[] = [];
  const seen = new Set<string>();
  for (const raw of list as Record<string, unknown>[]) {
    const ok =
      raw &&
      typeof raw.tenantId === 'string' &&
      isGuid(raw.tenantId) &&
      isCloudName(raw.cloud) &&
      AUTH_METHODS.includes(raw.auth as AuthMethod);
    if (!ok) continue;
    const rec: TenantRecord = {
      tenantId: (raw.tenantId as string).toLowerCase(),
      cloud: raw.cloud as CloudName,
      auth: raw.auth as AuthMethod,
      ...optionalString(raw, 'displayName'),
      ...optionalString(raw, 'defaultDomain'),
      ...optionalString(raw, 'account'),
      ...optionalString(raw, 'accountId'),
      ...optionalString(raw, 'clientId'),
      ...optionalString(raw, 'certificatePath'),
      ...(raw.signedOut === true ? { signedOut: true } : {}),
    };
    if (seen.has(tenantKey(rec))) continue;
    seen.add(tenantKey(rec));
    records.push(rec);
  }
  return { records, dropped: list.length - records.length };
}

export function serializeTenantRecords(records: readonly TenantRecord[]): string {
  return JSON.stringify({ version: 1, tenants: records }, null, 2) + '\n';
}

function optionalString(
  raw: Record<string, unknown>,
  key: keyof TenantRecord,
): Partial<TenantRecord> {
  const v = raw[key];
  return typeof v === 'string' && v.length ? { [key]: v } : {};
}
