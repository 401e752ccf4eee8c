import { appendFileSync } from 'node:fs';
import type { SandboxOutcome, SandboxRequest } from './sandboxRequest';

/** The environment variable that turns recording on: the path of a JSONL file to append to. */
export const RECORD_FILE_ENV = 'SANDBOX_RECORD_FILE';

/** Request headers worth keeping: who sent it and how the body is encoded. Never the token. */
const KEPT_HEADERS = ['user-agent', 'content-type'];

/**
 * Appends one JSON line per Graph request and its answer, for the contract check of the test
 * tiers (test/contract checks every line against Microsoft's v1.0 metadata). Appended
 * synchronously, so a line is on disk before the answer leaves and nothing is lost when a test
 * process ends abruptly. Control endpoints (`/_sandbox/…`) are not Graph and are not recorded.
 */
export class ExchangeRecorder {
  constructor(private readonly file: string) {}

  record(request: SandboxRequest, outcome: SandboxOutcome): void {
    if (request.url.pathname.startsWith('/_sandbox')) return;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = request.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    const head = JSON.stringify({
      method: request.method,
      url: request.url.href,
      headers,
      requestBody: request.body,
      status: outcome.kind === 'drop' ? 0 : outcome.response.status,
    });
    const response = outcome.kind === 'drop' ? undefined : outcome.response;
    const json = /json/i.test(response?.headers['content-type'] ?? '');
    // A JSON answer is spliced in as it is instead of being parsed and written again (answers of
    // 1,000 log entries are common); anything else is kept as a string.
    const body =
      response?.body == null ? 'null' : json ? response.body : JSON.stringify(response.body);
    appendFileSync(this.file, `${head.slice(0, -1)},"responseBody":${body}}\n`);
  }
}
