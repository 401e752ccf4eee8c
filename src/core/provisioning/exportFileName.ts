import { safeFileName } from '../safeFileName';

/**
 * The file an export of provisioning logs is written to: the configuration's name (from Graph,
 * made safe by safeFileName), the time to the second in UTC and the format, e.g.
 * `Contoso to Fabrikam-2025-03-14T12-00-00Z.csv`. The stamp and extension always survive whole.
 */
export function logExportFileName(
  configurationName: string,
  format: 'csv' | 'json',
  at: Date,
): string {
  const stamp = at
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z');
  return safeFileName(configurationName, `-${stamp}.${format}`, 'provisioning-logs');
}
