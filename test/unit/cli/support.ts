import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { startSandboxServer, type SandboxServer } from '../../../src/sandbox';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output and the given environment (none by default: no credentials leak in from the machine). */
export async function run(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}

/** The HTTP sandbox for one `describe`, reset before each test through its control endpoint, and a scratch folder per test. */
export class CliFixture {
  server!: SandboxServer;
  dir = '';

  install(): void {
    before(async () => {
      this.server = await startSandboxServer({ port: 0 });
    });
    beforeEach(async () => {
      const reset = await fetch(`${this.server.url}/_sandbox/reset`, { method: 'POST' });
      if (reset.status !== 204) throw new Error(`reset: ${reset.status}`);
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cross-tenant-cli-'));
    });
    afterEach(() => fs.rmSync(this.dir, { recursive: true, force: true }));
    after(() => this.server.close());
  }

  /** `--sandbox <url>` then the arguments. */
  cli(...argv: string[]): Promise<Run> {
    return run(['--sandbox', this.server.url, ...argv]);
  }

  /** Graph as any HTTP client sees it, with a sandbox token: independent of the code under test. */
  async graph(
    tenant: string,
    method: string,
    urlPath: string,
    body?: unknown,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, walked freely by the assertions
  ): Promise<{ status: number; body: any }> {
    const tokenResponse = await fetch(
      `${this.server.url}/_sandbox/token?tenant=${encodeURIComponent(tenant)}`,
    );
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    const response = await fetch(`${this.server.url}/v1.0${urlPath}`, {
      method,
      headers: {
        authorization: `Bearer ${access_token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  path(...parts: string[]): string {
    return path.join(this.dir, ...parts);
  }

  read(...parts: string[]): string {
    return fs.readFileSync(this.path(...parts), 'utf8');
  }

  write(text: string, ...parts: string[]): string {
    const file = this.path(...parts);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  /** Edits a JSON file in place. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, edited freely by the tests
  edit(file: string, change: (doc: any) => void): void {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    change(doc);
    fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  }
}
