import type { TenantNames } from '../../core/history/describeHistoryEntry';
import { printable } from '../../core/printable';
import { tenantLabel } from '../../core/tenants/tenantLabel';
import type { TenantRecord } from '../../core/tenants/tenantRecord';
import type { Log } from '../../host/log';
import type { TenantData } from '../tenants/tenantData';
import type { TenantList } from '../tenants/tenantList';

/**
 * Names for the tenants a report about `record` mentions: every signed-in tenant, then the names
 * of `record`'s partners as its partner overview looked them up. A tenant neither knows stays
 * unnamed (the caller shows its id). Without the overview (it could not be read), the signed-in
 * tenants still name themselves.
 */
export async function tenantNames(
  record: TenantRecord,
  tenants: TenantList,
  data: TenantData,
  log: Log,
): Promise<TenantNames> {
  const names = new Map<string, string>();
  try {
    for (const p of (await data.access(record)).overview.partners)
      if (p.displayName) names.set(p.tenantId.toLowerCase(), printable(p.displayName));
  } catch (err) {
    log.warn(
      `The partners of ${tenantLabel(record)} could not be read for their names: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  for (const t of tenants.all())
    if (t.displayName || t.defaultDomain) names.set(t.tenantId.toLowerCase(), tenantLabel(t));
  return (tenantId) => names.get(tenantId.toLowerCase());
}
