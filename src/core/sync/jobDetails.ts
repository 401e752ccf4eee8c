import { parseGraphDateTime } from '../graph/dateTime';
import type { ServicePrincipal, SyncJob } from '../graph/types';
import { escapeMarkdown, inlineCode } from '../policy/markdownText';
import { explainProvisioningCode } from './provisioningErrors';
import type { SavedSyncSettings } from './savedSyncSettings';
import { describeJobStatus, formatInterval, formatWhen } from './jobStatus';

/** The accidental-deletion threshold of cross-tenant sync when the job names none (sync-facts.md §2f). */
export const DEFAULT_DELETE_THRESHOLD = 500;

/** Graph JSON read leniently: the generated types say what should be there, not what is. */
type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : undefined;
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const txt = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function when(value: unknown, now: Date): string {
  const date = parseGraphDateTime(txt(value));
  // Built from a parsed date: no characters from Graph reach the text.
  return date ? formatWhen(date, now) : 'never';
}

function whenDate(date: Date | undefined, now: Date): string {
  return date ? when(date.toISOString(), now) : 'not known';
}

/** The threshold a job applies: its `QuarantineTooManyDeletesThreshold` setting, else the extras', else 500. */
function threshold(job: SyncJob, extra: number | undefined): string {
  const setting = (job.synchronizationJobSettings ?? []).find(
    (s) => s.name === 'QuarantineTooManyDeletesThreshold',
  )?.value;
  if (setting && /^\d+$/.test(setting.trim())) return setting.trim();
  if (extra !== undefined) return String(extra);
  return `${DEFAULT_DELETE_THRESHOLD} (default)`;
}

function execution(label: string, e: Loose | undefined, now: Date): string[] {
  if (!e) return [];
  const began = parseGraphDateTime(txt(e.timeBegan));
  if (!began) return [`- ${label}: never`];
  const counts = (
    [
      ['imported', e.countImported],
      ['exported', e.countExported],
      ['escrowed', e.countEscrowed],
    ] as const
  )
    .map(([k, v]) => `${num(v) ?? 0} ${k}`)
    .join(', ');
  return [
    `- ${label}: ${when(e.timeEnded ?? e.timeBegan, now)}, ${escapeMarkdown(txt(e.state) ?? 'unknown')}; ${counts}`,
  ];
}

const onOff = (value: boolean | undefined): string =>
  value === undefined ? 'not saved' : value ? 'on' : 'off';

/** What the configuration's saved secrets say, or why Graph did not return them. */
function savedSettings(settings: SavedSyncSettings, targetName: string | undefined): string[] {
  const lines = ['## Saved settings', ''];
  if (!settings.readable) {
    lines.push(
      `- Could not be read (${escapeMarkdown(settings.reason)}): the target tenant, the scope and the notification settings are not shown.`,
    );
    return lines;
  }
  const n = settings.notifications;
  lines.push(
    `- Target tenant: ${settings.companyId ? `${targetName ? `${escapeMarkdown(targetName)} ` : ''}(${inlineCode(settings.companyId)})` : 'not saved'}`,
    `- Scope: ${settings.syncAll === undefined ? 'not saved' : settings.syncAll ? 'all users' : 'assigned users and groups only'}`,
    `- Notification emails: ${onOff(n?.enabled)}${n?.enabled && n.recipients ? `, to ${escapeMarkdown(n.recipients)}` : ''}`,
    `- Accidental-deletion prevention: ${onOff(n?.deleteThresholdEnabled)}${n?.deleteThresholdEnabled && n.deleteThresholdValue !== undefined ? `, threshold ${n.deleteThresholdValue}` : ''}`,
    `- Human resources lookahead query: ${onOff(n?.humanResourcesLookaheadQueryEnabled)}`,
  );
  return lines;
}

/**
 * A synchronization job as a readable Markdown report. Every value that comes from Graph is escaped
 * (names are chosen by other tenants' admins and must not render as links or HTML).
 */
export function jobDetailsMarkdown(
  job: SyncJob,
  servicePrincipal: Pick<ServicePrincipal, 'id' | 'displayName'> & Partial<ServicePrincipal>,
  now: Date,
  extras: {
    assignments?: number;
    threshold?: number;
    /** The configuration's saved settings (readSyncSettings), when read. */
    settings?: SavedSyncSettings;
    /** The name of the tenant the saved CompanyId names, when known. */
    targetName?: string;
  } = {},
): string {
  const s = describeJobStatus(job);
  const status = obj(job.status) ?? {};
  const name = servicePrincipal.displayName ?? 'Synchronization job';
  const lines: string[] = [`# ${escapeMarkdown(name)}`, ''];
  lines.push(
    `**Status:** ${escapeMarkdown(s.label)}${s.lastResult ? ` — last run ${escapeMarkdown(s.lastResult)}` : ''}`,
    '',
  );

  lines.push('## Runs', '');
  lines.push(`- Last run: ${whenDate(s.lastRun, now)}`);
  // The next cycle is an estimate (last run + interval); one that is late is due, not "40 min ago".
  const nextRun = !s.nextRun
    ? s.kind === 'paused'
      ? 'none (paused)'
      : 'not scheduled'
    : s.nextRun > now
      ? whenDate(s.nextRun, now)
      : 'due now (cycles start about every 40 minutes)';
  lines.push(`- Next run: ${nextRun}`);
  const lastOk = obj(status.lastSuccessfulExecution);
  lines.push(
    `- Last successful run: ${lastOk ? when(lastOk.timeEnded ?? lastOk.timeBegan, now) : 'never'}`,
  );
  lines.push(
    `- Schedule: every ${formatInterval(s.intervalMs ?? 40 * 60_000)} (fixed for cross-tenant sync; it cannot be changed)`,
  );
  lines.push(...execution('Last execution', obj(status.lastExecution), now));
  lines.push('');

  const counts = (
    Array.isArray(status.synchronizedEntryCountByType) ? status.synchronizedEntryCountByType : []
  )
    .map(obj)
    .filter((c): c is Loose => c !== undefined);
  lines.push('## Synchronized objects', '');
  if (counts.length === 0) lines.push('- None yet');
  for (const c of counts)
    lines.push(`- ${escapeMarkdown(txt(c.key) ?? 'unknown')}: ${num(c.value) ?? 0}`);
  if (extras.assignments !== undefined)
    lines.push(`- Assigned users and groups: ${extras.assignments}`);
  const progress = (Array.isArray(status.progress) ? status.progress : [])
    .map(obj)
    .filter((p): p is Loose => p !== undefined);
  for (const p of progress) {
    lines.push(
      `- Progress: ${num(p.completedUnits) ?? 0} of ${num(p.totalUnits) ?? 0} ${escapeMarkdown(txt(p.units) ?? 'units')}`,
    );
  }
  lines.push('');

  if (s.quarantine) {
    const q = obj(status.quarantine) ?? {};
    lines.push('## Quarantine', '');
    lines.push(
      `- Reason: ${inlineCode(txt(q.reason) ?? 'Unknown')} — ${escapeMarkdown(s.quarantine.reason)}`,
    );
    lines.push(`- What to do: ${escapeMarkdown(s.quarantine.remedy)}`);
    lines.push(`- Since: ${whenDate(s.quarantine.since, now)}`);
    if (s.nextRun) lines.push(`- Next attempt: ${whenDate(s.nextRun, now)}`);
    const error = obj(q.error);
    const code = txt(error?.code);
    if (s.quarantine.error) lines.push(`- Error: ${escapeMarkdown(s.quarantine.error)}`);
    const explained = code ? explainProvisioningCode(code) : undefined;
    if (explained)
      lines.push(
        `- About ${inlineCode(code!)}: ${escapeMarkdown(explained.meaning)} ${escapeMarkdown(explained.remedy)}`,
      );
    lines.push('');
  }

  if (extras.settings) lines.push(...savedSettings(extras.settings, extras.targetName), '');

  lines.push('## Settings', '');
  const saved = extras.settings?.readable ? extras.settings.notifications : undefined;
  const savedThreshold = saved?.deleteThresholdEnabled ? saved.deleteThresholdValue : undefined;
  // Digits only, or our own default text.
  lines.push(
    `- Accidental-deletion threshold: ${threshold(job, savedThreshold ?? extras.threshold)}`,
  );
  lines.push(`- Job id: ${inlineCode(job.id ?? 'unknown')}`);
  lines.push(`- Template: ${inlineCode(job.templateId ?? 'unknown')}`);
  lines.push(`- Service principal: ${inlineCode(servicePrincipal.id ?? 'unknown')}`);
  lines.push('');
  return lines.join('\n');
}
