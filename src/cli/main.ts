// The `cross-tenant` command-line tool: export, validate, diff, push and drift of cross-tenant
// access settings as files, over src/core (no VS Code). Bundled to dist/cli.js with a shebang.
import { describeError } from '../core/describeError';
import { printable, terminalSafeJson } from '../core/printable';
import { redactSecrets } from '../core/redact';
import { CliError, parseArgs, type CommandName } from './args';
import { baselineCommand } from './subcommands/baseline';
import { diffCommand } from './subcommands/diff';
import { driftCommand } from './subcommands/drift';
import { exportCommand } from './subcommands/exportTenant';
import { pushCommand } from './subcommands/push';
import { validateCommand } from './subcommands/validate';
import { CliContext, type CliIo, type CommandResult } from './cliContext';
import { packageVersion } from './files';

export type { CliIo } from './cliContext';

export const USAGE = `Usage: cross-tenant <command> [options]

Cross-tenant access settings of Microsoft Entra tenants as files: export, check, diff, push, drift,
and checked against the published security baselines.

Commands:
  export --tenant <id|domain> --out <dir>
                        Write the tenant's policy, default settings, partners and identity syncs
                        to <dir>/<tenant domain>/ (partners in partners/<tenant id>.xta-*.json),
                        and in <tenant domain>/.xta-base/ the version each was exported from;
                        in <tenant domain>/baseline-data/ what baseline reads besides.
  validate <file|dir>...
                        Check documents against the schemas and rules (folders: every *.xta-*.json).
                        Exit 1 when any error; warnings are printed and exit 0.
  diff <file>           What pushing the file would change in its tenant now, per property.
                        Exit 0 = the same, 1 = different.
  push <file> [--yes] [--force]
                        Plan the push against a fresh read of the tenant (only changed settings are
                        sent) and print it. Without --yes nothing is sent and the exit code is 1
                        (0 when there is nothing to push); with --yes it is sent and re-read.
                        When the tenant changed since the file was exported, your edits are
                        applied on top of its changes; where both changed a setting, or the file
                        has no recorded export version, push refuses unless --force.
  drift <dir>           Compare every exported file under <dir> with its tenant.
                        Exit 0 = no drift, 1 = drift.
  baseline [--pack <pack>[@<version>],...] (--tenant <id|domain>[,...] | <export dir>)
           [--format text|json|sarif|junit]
                        Check tenants against the security baseline packs (cisa, maester, zta, cis,
                        asd; default all, each at its newest version), live or offline from what
                        export wrote. Text ends with the conflicts between the enabled packs; SARIF
                        2.1.0 carries them as configuration notifications. A rule whose data could
                        not be read (permission, licence, beta reads off) is "not checked", with
                        why. Exit 0 = every rule passed, 1 = a rule failed or was not checked,
                        2 = no failure but a read failed (or the command failed).

Options:
  --sandbox <url>       Use the HTTP sandbox at <url> (npm run sandbox) instead of Microsoft Graph.
  --cloud <name>        global (default), usGov, usGovDoD or china.
  --device-code         Sign in as a user with a device code (printed on stderr) instead of
                        app-only credentials; the permissions are delegated (your roles apply).
  --json                Print one JSON document on stdout instead of text.
  --timeout <seconds>   Longest wait for one answer from Graph (default 60); an unanswered read
                        is sent again, an unanswered change is not.
  --deadline <seconds>  Longest the whole command may take, retries included (default 300).
  -y, --yes             push: send the change.
  --force               push: send the file as it stands, overwriting changes made in the tenant
                        since it was exported.
  --no-beta             baseline, export: no reads from Graph's beta API (the B2B management policy,
                        Global Secure Access); the rules that need them are not checked.
  -h, --help            Show this help.
  -v, --version         Print the version.

A file's tenant comes from its folder (<tenant id or domain>/…, as export writes it).
Credentials (app-only; not needed with --sandbox), as @azure/identity reads them:
  AZURE_CLIENT_ID with AZURE_CLIENT_SECRET, or AZURE_CLIENT_CERTIFICATE_PATH
  [AZURE_CLIENT_CERTIFICATE_PASSWORD], or AZURE_FEDERATED_TOKEN_FILE (workload identity).
  The app needs the application permission Policy.Read.All (Policy.ReadWrite.CrossTenantAccess
  to push) in each tenant; tokens are asked for <graph host>/.default. baseline and export read
  beta data with Policy.Read.B2BManagementPolicy and NetworkAccess.Read.All (without them, the
  rules that need it are not checked).
  With --device-code, AZURE_CLIENT_ID optionally names the public client app (default: Microsoft
  Graph Command Line Tools).
  AZURE_AUTHORITY_HOST replaces the cloud's sign-in authority (e.g. https://login.microsoftonline.us);
  CROSS_TENANT_GRAPH_URL replaces its Graph host (a proxy, or the sandbox checking signed tokens).

Exit codes: 0 success; 1 errors found, differences or drift, push not confirmed;
  2 the command failed (usage, unreadable files, network, Graph errors).
`;

const COMMAND_RUNNERS: Readonly<
  Record<CommandName, (ctx: CliContext) => CommandResult | Promise<CommandResult>>
> = {
  export: exportCommand,
  validate: validateCommand,
  diff: diffCommand,
  push: pushCommand,
  drift: driftCommand,
  baseline: baselineCommand,
};

/**
 * Runs one command line (without the node and script arguments) and returns the exit code; writes
 * only to `io`. Exit 2 for every failure: usage errors, files that cannot be read, and Graph or
 * network errors (their one-line summary, which names the fix where one is known).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json');
  try {
    const args = parseArgs(argv);
    json = args.json;
    if (args.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (args.version) {
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    if (!args.command) {
      io.stderr.write(USAGE);
      return 2;
    }
    const deadline = new AbortController();
    const seconds = args.deadlineMs / 1000;
    const timer = setTimeout(
      () =>
        deadline.abort(
          new CliError(
            `Gave up after ${seconds} s (--deadline): the command did not finish in time. Nothing more was sent; run it again, or allow more time with --deadline.`,
          ),
        ),
      args.deadlineMs,
    );
    try {
      const ctx = new CliContext(args, io, deadline.signal);
      const result = await COMMAND_RUNNERS[args.command](ctx);
      if (args.json) io.stdout.write(`${terminalSafeJson(JSON.stringify(result.json, null, 2))}\n`);
      return result.code;
    } finally {
      clearTimeout(timer);
    }
  } catch (err) {
    const summary = printable(redactSecrets(failureSummary(err)));
    io.stderr.write(`cross-tenant: ${summary}\n`);
    if (json) io.stdout.write(`${terminalSafeJson(JSON.stringify({ error: summary }, null, 2))}\n`);
    return 2;
  }
}

/**
 * One line for any failure. A CliError or a Graph error says what to fix; a TypeError and its
 * kin are a bug or an answer of a shape we did not expect, and say so instead of
 * `Cannot read properties of null`.
 */
function failureSummary(err: unknown): string {
  if (err instanceof CliError) return err.message;
  if (
    err instanceof TypeError ||
    err instanceof RangeError ||
    err instanceof ReferenceError ||
    err instanceof SyntaxError
  )
    return `internal error (${err.name}: ${err.message}). Nothing more was sent; please report it with the command you ran.`;
  return describeError(err).summary || String(err);
}

if (require.main === module) {
  void main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
