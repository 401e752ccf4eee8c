import * as path from 'path';
import { readBaselineFolder } from '../../core/baselines/baselineFolder';
import { baselineJson } from '../../core/baselines/baselineJson';
import { baselineJunit } from '../../core/baselines/baselineJunit';
import {
  BaselinePackError,
  loadBaselinePacks,
  selectPacks,
} from '../../core/baselines/baselinePack';
import type { BaselinePack } from '../../core/baselines/baselineRule';
import { baselineSarif } from '../../core/baselines/baselineSarif';
import type { TenantBaselineData } from '../../core/baselines/baselineSources';
import { baselineText } from '../../core/baselines/baselineText';
import {
  evaluateBaselines,
  sourcesNeeded,
  type BaselineRun,
} from '../../core/baselines/evaluateBaselines';
import { terminalSafeJson } from '../../core/printable';
import { CliError, type ReportFormat } from '../args';
import type { CliContext, CommandResult } from '../cliContext';
import {
  documentsUnder,
  layoutIdentity,
  packageRoot,
  packageVersion,
  readText,
  statOrUndefined,
  tenantFolderOf,
} from '../files';
import { exportTenantOf, readTenantBaselineData } from '../tenantBaselineData';

const USAGE =
  'Usage: cross-tenant baseline [--pack cisa,maester,zta,cis,asd] (--tenant <id|domain>[,…] | <export folder>) [--format text|json|sarif|junit]';

/** Where the checked data came from: live tenants, or the files of an export. */
interface Checked {
  readonly tenants: TenantBaselineData[];
  /** The export root relative to the working directory, with `/` ('' when live). */
  readonly exportRoot: string;
  /** An exported file's text by its export-relative path (offline only). */
  readonly fileText?: (relativePath: string) => string | undefined;
}

/**
 * `baseline`: every enabled rule pack against live tenants (`--tenant`) or an exported folder
 * (offline, no sign-in), printed as text, JSON, SARIF 2.1.0 or JUnit XML. Exit 0 when every
 * enabled rule passed for every tenant; 1 when one failed or could not be checked (permission,
 * licence, beta reads off, not in the export: never counted as passed); 2 when nothing failed but
 * data could not be read (a network or Graph failure, an unreadable file), or the command failed.
 * Arguments are checked before anything is sent.
 */
export async function baselineCommand(ctx: CliContext): Promise<CommandResult> {
  const { tenant, positionals } = ctx.args;
  const format = reportFormat(ctx);
  if (positionals.length > 1 || (tenant === undefined) === (positionals.length === 0))
    throw new CliError(
      tenant !== undefined && positionals.length > 0
        ? `baseline checks live tenants (--tenant) or an export folder (${positionals[0]}), not both. ${USAGE}`
        : USAGE,
    );
  if (positionals.length > 0 && (ctx.args.sandbox !== undefined || ctx.args.deviceCode))
    throw new CliError(
      `${positionals[0]} is an export folder, checked offline: --sandbox and --device-code are for live tenants (--tenant).`,
    );
  if (positionals.length > 0 && ctx.args.noBeta)
    throw new CliError(
      `${positionals[0]} is an export folder, checked offline without Graph: --no-beta applies to live tenants and to export.`,
    );
  const packs = enabledPacks(ctx.args.packs);
  const checked =
    tenant !== undefined
      ? await readLive(ctx, tenantNames(tenant), packs)
      : readExport(positionals[0]);
  const run = evaluateBaselines(packs, checked.tenants);
  const json = baselineJson(run);
  write(ctx, format, run, json, checked);
  const code = exitCode(run);
  if (code === 2)
    ctx.note(
      'Some data could not be read (the rules "not checked" above say which): the check is incomplete, exit 2.',
    );
  return { code, json };
}

function reportFormat(ctx: CliContext): ReportFormat {
  const { format, json } = ctx.args;
  if (json && format !== undefined && format !== 'json')
    throw new CliError(`--json prints JSON; it cannot be used with --format ${format}.`);
  return format ?? (json ? 'json' : 'text');
}

function enabledPacks(selection: readonly string[] | undefined): BaselinePack[] {
  try {
    return selectPacks(loadBaselinePacks(packageRoot()), selection);
  } catch (err) {
    if (err instanceof BaselinePackError) throw new CliError(err.message);
    throw err;
  }
}

function tenantNames(option: string): string[] {
  const names = option.split(',').map((name) => name.trim());
  if (names.some((name) => name === ''))
    throw new CliError(
      `--tenant needs tenant ids or domains separated by commas, not "${option}".`,
    );
  return names;
}

/** Each named tenant read live, one after the other (each read is a few requests in parallel). */
async function readLive(
  ctx: CliContext,
  names: readonly string[],
  packs: readonly BaselinePack[],
): Promise<Checked> {
  const sources = sourcesNeeded(packs);
  const tenants: TenantBaselineData[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const tenantId = await ctx.graph.resolveTenant(name);
    if (seen.has(tenantId)) continue;
    seen.add(tenantId);
    const exportTenant = await exportTenantOf(ctx.graph.client(tenantId), name);
    tenants.push(await readTenantBaselineData(ctx, exportTenant, sources));
  }
  return { tenants, exportRoot: '' };
}

/** A tenant folder of an export on disk. */
interface TenantFolder {
  /** Its name, which the layout reads as the tenant (a domain or a tenant id). */
  readonly name: string;
  readonly absolute: string;
  /** As the user would name it. */
  readonly display: string;
}

/**
 * The tenant folders of an export: the folder named, when it is one, or those below it. They must
 * sit side by side, as `export --out` writes them, so one export root locates every file.
 */
function readExport(dir: string): Checked {
  if (!statOrUndefined(dir)?.isDirectory())
    throw new CliError(
      `${dir}: not a folder. baseline takes the folder export wrote (or one tenant folder in it).`,
    );
  const folders = new Map<string, TenantFolder>();
  for (const file of documentsUnder(dir)) {
    const identity = layoutIdentity(file);
    if (!identity) continue;
    const display = tenantFolderOf(file, identity);
    const absolute = path.resolve(display);
    folders.set(absolute, { name: identity.tenant.toLowerCase(), absolute, display });
  }
  if (folders.size === 0)
    throw new CliError(
      `${dir}: no exported tenant (<tenant>/policy.xta-policy.json, <tenant>/default.xta-default.json) in or below it.`,
    );
  const list = [...folders.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const root = path.dirname(list[0].absolute);
  const elsewhere = list.find((f) => path.dirname(f.absolute) !== root);
  if (elsewhere)
    throw new CliError(
      `${elsewhere.display} and ${list[0].display} are in different folders: check one export at a time (the folder export --out wrote).`,
    );
  const byName = new Map(list.map((f) => [f.name, f]));
  const fileText = (relativePath: string): string | undefined => {
    const [first, ...rest] = relativePath.split('/');
    const folder = byName.get(first);
    if (!folder || rest.length === 0) return undefined;
    const absolute = path.join(folder.absolute, ...rest);
    if (!statOrUndefined(absolute)?.isFile()) return undefined;
    return readText({ display: path.join(folder.display, ...rest), absolute });
  };
  return {
    tenants: list.map((folder) => readBaselineFolder({ folder: folder.name }, fileText)),
    exportRoot: path.relative(process.cwd(), root).split(path.sep).join('/'),
    fileText,
  };
}

function write(
  ctx: CliContext,
  format: ReportFormat,
  run: BaselineRun,
  json: object,
  checked: Checked,
): void {
  const out = (text: string): void => void ctx.io.stdout.write(text);
  switch (format) {
    case 'text':
      for (const line of baselineText(run)) ctx.print(line);
      return;
    case 'json':
      // Under --json, main prints the command's JSON.
      if (!ctx.args.json) out(`${terminalSafeJson(JSON.stringify(json, null, 2))}\n`);
      return;
    case 'sarif': {
      const sarif = baselineSarif(run, {
        toolVersion: packageVersion(),
        exportRoot: checked.exportRoot,
        fileText: checked.fileText,
      });
      out(`${terminalSafeJson(JSON.stringify(sarif, null, 2))}\n`);
      return;
    }
    case 'junit':
      // Terminal-safe already: see baselineJunit.
      out(`${baselineJunit(run)}\n`);
      return;
  }
}

/** 0: every rule passed; 1: a failure, or a rule not checked; 2: no failure, but a read failed. */
function exitCode(run: BaselineRun): number {
  const results = run.tenants.flatMap((t) => t.results);
  if (results.some((r) => r.status === 'failed')) return 1;
  if (results.some((r) => r.missing.some((m) => m.reason === 'error'))) return 2;
  return results.every((r) => r.status === 'passed') ? 0 : 1;
}
