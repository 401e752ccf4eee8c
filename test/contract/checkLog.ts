// Checks a sandbox recording (SANDBOX_RECORD_FILE, one JSON line per request) against Microsoft's
// v1.0 metadata: every request our Graph client sent, and the sandbox's answer to it. Requests
// from elsewhere (tests that send malformed requests on purpose, curl) are counted, not checked.
//
//   npx tsx test/contract/checkLog.ts <recording.jsonl> [--tier <name>] [--list]
//
// Exit 0 when every request passes; 1 on a violation, or when no request of our client is in the
// recording (the recording or the client's User-Agent got lost); 2 on bad usage.
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { USER_AGENT } from '../../src/core/graph/userAgent';
import { terminalSafeJson } from '../../src/core/printable';
import { ContractChecker, type Exchange } from './contractChecker';

// A violation quotes what was sent, which can be hostile on purpose (a test's escape sequences):
// shown escaped, so the terminal prints it instead of acting on it.
function shown(text: string): string {
  return terminalSafeJson(JSON.stringify(text).slice(1, -1));
}

/** Our client's product token, whatever the version. */
export const CLIENT_PRODUCT = `${USER_AGENT.split('/')[0]}/`;

export interface RecordedExchange extends Exchange {
  readonly headers?: Readonly<Record<string, string>>;
}

export interface LogSummary {
  /** Requests of our client that were checked. */
  checked: number;
  /** Requests from anything else (no User-Agent of ours). */
  others: number;
  /** Allowlisted /beta requests, with the allowlist's reason. */
  readonly unchecked: Map<string, string>;
  /** `METHOD /path/{}` → how many requests. */
  readonly templates: Map<string, number>;
  /** One line per problem (ids, array indices and batch positions folded): an example and a count. */
  readonly violations: Map<string, { example: string; count: number }>;
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The same problem on another object or array element or batch item is the same problem. */
function foldIds(violation: string): string {
  return violation
    .replace(GUID, '{id}')
    .replace(/\[\d+\]/g, '[]')
    .replace(/item \d+/g, 'item');
}

export function isOurClient(exchange: RecordedExchange): boolean {
  return exchange.headers?.['user-agent']?.startsWith(CLIENT_PRODUCT) ?? false;
}

/** Checks every line of a recording; lines that are not JSON count as violations. */
export async function checkLog(file: string, checker = new ContractChecker()): Promise<LogSummary> {
  const summary: LogSummary = {
    checked: 0,
    others: 0,
    unchecked: new Map(),
    templates: new Map(),
    violations: new Map(),
  };
  const add = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    // Most of a recording can be other requests' answers: skip them before parsing.
    if (!line.includes(`"user-agent":"${CLIENT_PRODUCT}`)) {
      summary.others++;
      continue;
    }
    let exchange: RecordedExchange;
    try {
      exchange = JSON.parse(line) as RecordedExchange;
    } catch {
      summary.violations.set(`line ${number}`, {
        example: `line ${number} of the recording is not JSON`,
        count: 1,
      });
      continue;
    }
    if (!isOurClient(exchange)) {
      summary.others++;
      continue;
    }
    summary.checked++;
    const report = checker.check(exchange);
    for (const t of report.templates) add(summary.templates, t);
    if (report.unchecked) summary.unchecked.set(report.templates[0], report.unchecked);
    for (const v of report.violations) {
      const key = foldIds(v);
      const seen = summary.violations.get(key);
      if (seen) seen.count++;
      else summary.violations.set(key, { example: v, count: 1 });
    }
  }
  return summary;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const tierAt = args.indexOf('--tier');
  const tier = tierAt >= 0 ? args.splice(tierAt, 2)[1] : undefined;
  const list = args.includes('--list');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error(
      'usage: tsx test/contract/checkLog.ts <recording.jsonl> [--tier <name>] [--list]',
    );
    return 2;
  }
  const label = tier ? `contract (${tier})` : 'contract';
  if (!fs.existsSync(file)) {
    console.log(`${label}: no recording at ${file}: the sandbox recorded nothing`);
    return 1;
  }
  const checker = new ContractChecker();
  const { commit, repository } = checker.metadata.source;
  const s = await checkLog(file, checker);
  const distinct = [...s.templates.keys()].filter((t) => !t.startsWith('$batch › ')).length;
  console.log(
    `${label}: ${s.checked} requests of our client checked against ${repository}@${commit.slice(0, 12)} v1.0 ` +
      `(${distinct} distinct method + path, ${s.templates.size - distinct} more inside $batch); ` +
      `${s.others} other requests not ours; ${s.unchecked.size} allowlisted /beta unchecked; ` +
      `${s.violations.size} violations`,
  );
  if (list)
    for (const [t, n] of [...s.templates].sort()) console.log(`  ${String(n).padStart(6)}  ${t}`);
  for (const [t, reason] of s.unchecked) console.log(`  unchecked: ${t} (${reason})`);
  for (const { example, count } of s.violations.values())
    console.log(
      `  VIOLATION ${shown(example)}${count > 1 ? ` (and ${count - 1} more like it)` : ''}`,
    );
  if (s.checked === 0) {
    console.log(`  no request of our client (User-Agent ${CLIENT_PRODUCT}…) is in ${file}`);
    return 1;
  }
  return s.violations.size === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(2);
    },
  );
}
