import { isAbortError } from '../graph/abort';
import type { CallOptions, GraphClient } from '../graph/graphClient';
import { GraphError } from '../graph/graphError';
import { getSyncSecrets } from '../graph/operations/syncJobs';
import type { SyncSecret } from '../graph/types';
import { isGuid } from '../policy/guid';

/**
 * `SyncNotificationSettings`, a JSON document inside a secret's string. The cross-tenant
 * walkthrough documents Enabled, DeleteThresholdEnabled and HumanResourcesLookaheadQueryEnabled;
 * real answers quoted in public support notes also carry Recipients and DeleteThresholdValue. Each
 * is undefined when the document lacks it.
 */
export interface SyncNotificationSettings {
  readonly enabled?: boolean;
  readonly recipients?: string;
  readonly deleteThresholdEnabled?: boolean;
  readonly deleteThresholdValue?: number;
  readonly humanResourcesLookaheadQueryEnabled?: boolean;
}

/**
 * What a configuration's saved secrets say, where Graph answers the GET: its target tenant
 * (`CompanyId`), its scope (`SyncAll`) and its notification settings. Secret values are never kept.
 * Where Graph refuses the GET (it is not in the v1.0 reference), `reason` says how.
 */
export type SavedSyncSettings =
  | {
      readonly readable: true;
      readonly companyId?: string;
      readonly syncAll?: boolean;
      readonly notifications?: SyncNotificationSettings;
    }
  | { readonly readable: false; readonly reason: string };

/** JSON and the portal write booleans as true/"True"/"true". */
function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === 'true';
  return undefined;
}

function count(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function notificationSettings(text: string | undefined): SyncNotificationSettings | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const doc = parsed as Record<string, unknown>;
  const recipients = typeof doc.Recipients === 'string' ? doc.Recipients.trim() : '';
  const settings: SyncNotificationSettings = {
    enabled: flag(doc.Enabled),
    ...(recipients ? { recipients } : {}),
    deleteThresholdEnabled: flag(doc.DeleteThresholdEnabled),
    deleteThresholdValue: count(doc.DeleteThresholdValue),
    humanResourcesLookaheadQueryEnabled: flag(doc.HumanResourcesLookaheadQueryEnabled),
  };
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
}

/** The settings in a secret set as Graph returns it; keys matched case-insensitively, other keys ignored. */
export function savedSyncSettings(secrets: readonly SyncSecret[]): SavedSyncSettings {
  const value = (key: string): string | undefined =>
    secrets.find((s) => typeof s.key === 'string' && s.key.toLowerCase() === key.toLowerCase())
      ?.value;
  const companyId = value('CompanyId')?.trim();
  const syncAll = flag(value('SyncAll'));
  const notifications = notificationSettings(value('SyncNotificationSettings'));
  return {
    readable: true,
    ...(companyId && isGuid(companyId) ? { companyId: companyId.toLowerCase() } : {}),
    ...(syncAll !== undefined ? { syncAll } : {}),
    ...(notifications ? { notifications } : {}),
  };
}

/**
 * Reads a configuration's saved settings back. Graph documents only the PUT of the secrets, so a
 * refusal of the GET (403, 404, 400 or any other failure) is an answer, not an error: callers keep
 * what they did without it (the target guessed from the configuration's name, settings asked for)
 * and say what could not be read. Only a cancellation is thrown.
 */
export async function readSyncSettings(
  client: GraphClient,
  servicePrincipalId: string,
  options: CallOptions = {},
): Promise<SavedSyncSettings> {
  try {
    return savedSyncSettings(await getSyncSecrets(client, servicePrincipalId, options));
  } catch (err) {
    if (isAbortError(err)) throw err;
    const reason =
      err instanceof GraphError && err.status > 0
        ? `Graph answered ${err.status}${/^[A-Za-z0-9_.-]{1,80}$/.test(err.code) ? ` ${err.code}` : ''}`
        : 'Graph could not be reached';
    return { readable: false, reason };
  }
}
