// `npm run sandbox -- --port <n> [--state <file>] [--latency <ms>] [--time-compression <n>]`: serves the sandbox over HTTP,
// prints its URL and tenants, and keeps the state file up to date after every change.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Sandbox } from './sandbox';
import { startSandboxServer } from './server';
import type { SandboxState } from './store/world';

interface CliOptions {
  readonly port: number;
  readonly statePath?: string;
  readonly latencyMs: number;
  readonly timeCompression: number;
}

function parseArgs(argv: readonly string[]): CliOptions {
  let port = 0;
  let statePath: string | undefined;
  let latencyMs = 0;
  let timeCompression = 1;
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    const number = (name: string): number => {
      if (value === undefined || !/^\d+$/.test(value))
        throw new Error(`${name} needs a non-negative integer.`);
      i++;
      return Number(value);
    };
    switch (argv[i]) {
      case '--port':
        port = number('--port');
        break;
      case '--latency':
        latencyMs = number('--latency');
        break;
      case '--time-compression':
        timeCompression = number('--time-compression');
        if (timeCompression < 1)
          throw new Error('--time-compression needs a factor of at least 1.');
        break;
      case '--state':
        if (value === undefined) throw new Error('--state needs a file path.');
        statePath = value;
        i++;
        break;
      default:
        throw new Error(
          `Unknown argument '${argv[i]}'. Usage: npm run sandbox -- --port <n> [--state <file>] [--latency <ms>] [--time-compression <n>]`,
        );
    }
  }
  return { port, statePath, latencyMs, timeCompression };
}

function save(sandbox: Sandbox, path: string): void {
  // Write-then-rename, so an interrupted save never leaves a truncated state file.
  writeFileSync(`${path}.tmp`, JSON.stringify(sandbox.exportState()));
  renameSync(`${path}.tmp`, path);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const state =
    options.statePath && existsSync(options.statePath)
      ? (JSON.parse(readFileSync(options.statePath, 'utf8')) as SandboxState)
      : undefined;
  const sandbox = Sandbox.create({
    state,
    latencyMs: options.latencyMs,
    timeCompression: options.timeCompression,
  });
  const server = await startSandboxServer({ port: options.port, sandbox });
  let pending: NodeJS.Timeout | undefined;
  if (options.statePath) {
    const path = options.statePath;
    save(sandbox, path);
    sandbox.onDidChange(() => {
      clearTimeout(pending);
      pending = setTimeout(() => save(sandbox, path), 200);
    });
  }
  const lines = [
    `Cross-Tenant Explorer sandbox (Microsoft Graph v1.0) listening on ${server.url}`,
    `  Graph base URL: ${server.url}/v1.0`,
    `  Time:           ${options.timeCompression === 1 ? 'real time' : `${options.timeCompression}x (sync cycles come sooner)`}`,
    options.statePath
      ? `  State file:     ${options.statePath}`
      : '  State:          in memory (use --state <file> to persist)',
    '',
    'Tenants:',
    ...sandbox
      .listTenants()
      .map((t) => `  ${t.tenantId}  ${t.defaultDomainName.padEnd(34)} ${t.displayName}`),
    '',
    'Try:',
    `  TOKEN=$(curl -s "${server.url}/_sandbox/token?tenant=contoso.onmicrosoft.com" | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')`,
    `  curl -s -H "Authorization: Bearer $TOKEN" "${server.url}/v1.0/policies/crossTenantAccessPolicy/partners"`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = (): void => {
    clearTimeout(pending);
    if (options.statePath) save(sandbox, options.statePath);
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
