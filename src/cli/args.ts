import { isCloudName, type CloudName } from '../core/auth/clouds';
import { DEFAULT_GRAPH_LIMITS } from '../core/graph/limits';

/** A failure the user can fix on the command line or in the files: printed without a stack, exit 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export type CommandName = 'export' | 'validate' | 'diff' | 'push' | 'drift' | 'baseline';

export const COMMANDS: readonly CommandName[] = [
  'export',
  'validate',
  'diff',
  'push',
  'drift',
  'baseline',
];

/** How `baseline` prints its report. */
export type ReportFormat = 'text' | 'json' | 'sarif' | 'junit';

const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'junit'];

export interface ParsedArgs {
  readonly command?: CommandName;
  readonly positionals: string[];
  readonly help: boolean;
  readonly version: boolean;
  readonly json: boolean;
  readonly yes: boolean;
  /** push: send the file as it stands even when the tenant changed since it was exported. */
  readonly force: boolean;
  /** Sign in as a user with a device code instead of app-only credentials. */
  readonly deviceCode: boolean;
  readonly sandbox?: string;
  readonly cloud: CloudName;
  readonly tenant?: string;
  readonly out?: string;
  /** baseline: `--pack`, the packs as given (`cisa,asd@1.2.8`); undefined = every pack. */
  readonly packs?: readonly string[];
  /** baseline: `--format`; undefined = text, or json under `--json`. */
  readonly format?: ReportFormat;
  /** baseline, export: `--no-beta`, no reads from Graph's beta API. */
  readonly noBeta: boolean;
  /** --timeout: one HTTP attempt. */
  readonly timeoutMs: number;
  /** --deadline: the whole command. */
  readonly deadlineMs: number;
}

/** Options that take a value, and the commands they belong to (undefined: every command). */
const VALUE_OPTIONS: Readonly<Record<string, readonly CommandName[] | undefined>> = {
  sandbox: undefined,
  cloud: undefined,
  tenant: ['export', 'baseline'],
  out: ['export'],
  pack: ['baseline'],
  format: ['baseline'],
  timeout: undefined,
  deadline: undefined,
};

const FLAG_OPTIONS: Readonly<Record<string, readonly CommandName[] | undefined>> = {
  help: undefined,
  version: undefined,
  json: undefined,
  yes: ['push'],
  force: ['push'],
  'device-code': undefined,
  'no-beta': ['export', 'baseline'],
};

const SHORT: Readonly<Record<string, string>> = { h: 'help', y: 'yes', v: 'version' };

/**
 * `cross-tenant <command> [options] [arguments]`. Options may come anywhere, as `--name value` or
 * `--name=value`; `--` ends them. Unknown options, options of another command and missing values
 * are CliErrors.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positionals: string[] = [];
  let command: CommandName | undefined;
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      if (command === undefined && positionals.length === 0 && !onlyPositionals) {
        if (!(COMMANDS as readonly string[]).includes(arg))
          throw new CliError(`Unknown command "${arg}". Commands: ${COMMANDS.join(', ')}.`);
        command = arg as CommandName;
      } else {
        positionals.push(arg);
      }
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const long = arg.startsWith('--');
    const [rawName, inline] = long
      ? splitOnce(arg.slice(2))
      : [SHORT[arg.slice(1)] ?? arg.slice(1), undefined];
    if (Object.prototype.hasOwnProperty.call(VALUE_OPTIONS, rawName)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new CliError(`--${rawName} needs a value.`);
      values[rawName] = value;
    } else if (
      Object.prototype.hasOwnProperty.call(FLAG_OPTIONS, rawName) &&
      inline === undefined
    ) {
      flags.add(rawName);
    } else {
      throw new CliError(`Unknown option ${arg}. Run cross-tenant --help for the options.`);
    }
  }
  for (const name of [...Object.keys(values), ...flags]) {
    const allowed = VALUE_OPTIONS[name] ?? FLAG_OPTIONS[name];
    if (allowed && command !== undefined && !allowed.includes(command))
      throw new CliError(`--${name} does not apply to ${command}.`);
  }
  if (flags.has('device-code') && values.sandbox !== undefined)
    throw new CliError('--device-code signs in to Microsoft Entra; the sandbox needs no sign-in.');
  const format = values.format;
  if (format !== undefined && !(REPORT_FORMATS as readonly string[]).includes(format))
    throw new CliError(`Unknown format "${format}": use ${REPORT_FORMATS.join(', ')}.`);
  const packs = values.pack?.split(',').map((entry) => entry.trim());
  if (packs?.some((entry) => entry === ''))
    throw new CliError(
      `--pack needs pack names separated by commas, such as cisa,zta or asd@1.2.8, not "${values.pack}".`,
    );
  const cloud = values.cloud ?? 'global';
  if (!isCloudName(cloud))
    throw new CliError(`Unknown cloud "${cloud}": use global, usGov, usGovDoD or china.`);
  return {
    command,
    positionals,
    timeoutMs: secondsOption(values, 'timeout', DEFAULT_GRAPH_LIMITS.requestTimeoutMs),
    deadlineMs: secondsOption(values, 'deadline', DEFAULT_GRAPH_LIMITS.deadlineMs),
    help: flags.has('help'),
    version: flags.has('version'),
    json: flags.has('json'),
    yes: flags.has('yes'),
    force: flags.has('force'),
    deviceCode: flags.has('device-code'),
    sandbox: values.sandbox,
    cloud,
    tenant: values.tenant,
    out: values.out,
    packs,
    format: format as ReportFormat | undefined,
    noBeta: flags.has('no-beta'),
  };
}

/** A duration option in seconds (fractions allowed, at most a day), as milliseconds. */
function secondsOption(
  values: Readonly<Record<string, string>>,
  name: string,
  defaultMs: number,
): number {
  const text = values[name];
  if (text === undefined) return defaultMs;
  const n = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!(n > 0 && n <= 86_400))
    throw new CliError(`--${name} needs a number of seconds (up to 86400), not "${text}".`);
  return Math.round(n * 1000);
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
