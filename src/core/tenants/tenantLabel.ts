import { printable } from '../printable';
import type { TenantRecord } from './tenantRecord';

/**
 * A tenant as people read it: its organization name, else its domain, else (before either is
 * known) its id. The name comes from Graph, so it is shown as one printable line.
 */
export function tenantLabel(
  r: Pick<TenantRecord, 'displayName' | 'defaultDomain' | 'tenantId'>,
): string {
  return printable(r.displayName ?? r.defaultDomain ?? r.tenantId);
}
