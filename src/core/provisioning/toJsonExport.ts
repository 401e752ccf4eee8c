import type { ProvisioningObjectSummary } from '../graph/types';

/**
 * The entries exactly as Graph returned them, as a pretty-printed JSON array: the export for
 * support tickets and scripts, which want every field, not just the table's columns.
 */
export function toJsonExport(entries: readonly ProvisioningObjectSummary[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}
