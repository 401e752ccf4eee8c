import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import type { ProvisioningObjectSummary } from '../../../../src/core/graph/types';
import type { LogRow } from '../../../../src/core/provisioning/logRow';

/** A row with every field empty except those given. */
export function row(fields: Partial<LogRow> = {}): LogRow {
  return {
    id: '',
    time: 0,
    action: '',
    status: '',
    sourceName: '',
    sourceId: '',
    targetName: '',
    targetId: '',
    identityType: '',
    sourceUpn: '',
    errorCode: '',
    cycleId: '',
    changeId: '',
    jobId: '',
    durationMs: 0,
    ...fields,
  };
}

/** The entries of a documented `GET /auditLogs/provisioning` body; one of them has a trailing comma, so parse leniently. */
export function fixtureEntries(name: string): ProvisioningObjectSummary[] {
  const text = readFileSync(join(__dirname, 'fixtures', name), 'utf8');
  return (parse(text, [], { allowTrailingComma: true }) as { value: ProvisioningObjectSummary[] })
    .value;
}
