// `npm run sandbox -- --port <n> [--state <file>] [--latency <ms>] [--time-compression <n>] [--jwks <url|file>]`:
// serves the sandbox over HTTP, prints its URL and tenants, and keeps the state file up to date after every change.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { JsonWebKeySet, SigningKeySource } from './auth/signingKeys';
import { Sandbox } from './sandbox';
import { startSandboxServer } from './server';
import type { SandboxState } from './store/world';

interface CliOptions {
  readonly port: number;
  readonly statePath?: string;
  readonly latencyMs: number;
  readonly timeCompression: number;
  /** `--jwks`: the identity provider's JWKS URL, or a file holding a JWKS. */
  readonly jwks?: string;
}

function parseArgs(argv: readonly string[]): CliOptions {
  let port = 0;
  let statePath: string | undefined;
  let latencyMs = 0;
  let timeCompression = 1;
  let jwks: string | undefined;
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
      case '--jwks':
        if (value === undefined) throw new Error('--jwks needs the URL of a JWKS or a JWKS file.');
        jwks = value;
        i++;
        break;
      case '--state':
        if (value === undefined) throw new Error('--state needs a file path.');
        statePath = value;
        i++;
        break;
      default:
        throw new Error(
          `Unknown argument '${argv[i]}'. Usage: npm run sandbox -- --port <n> [--state <file>] [--latency <ms>] [--time-compression <n>] [--jwks <url|file>]`,
        );
    }
  }
  return { port, statePath, latencyMs, timeCompression, jwks };
}

/** A JWKS URL is read by the sandbox when tokens arrive (and again after a key rollover); a file now. */
function signingKeys(jwks: string | undefined): SigningKeySource | undefined {
  if (jwks === undefined || /^https?:\/\//i.test(jwks)) return jwks;
  return JSON.parse(readFileSync(jwks, 'utf8')) as JsonWebKeySet;
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
    signingKeys: signingKeys(options.jwks),
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
    `  Tokens:         ${options.jwks ? `signed by the keys of ${options.jwks} (RS256), as Graph checks them` : 'unsigned sandbox tokens (GET /_sandbox/token)'}`,
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
