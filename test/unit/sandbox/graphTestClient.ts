import { Sandbox, type SandboxOptions } from '../../../src/sandbox';

export const GRAPH = 'https://graph.microsoft.com/v1.0';
/** A fixed "now" for tests, so seeded history and ids are the same on every run. */
export const TEST_EPOCH = Date.parse('2025-03-14T12:00:00Z');

/** A clock tests move by hand. */
export class TestClock {
  current = TEST_EPOCH;
  readonly now = (): number => this.current;
  advance(ms: number): void {
    this.current += ms;
  }
}

/** Graph JSON as a test reads it: arbitrary, checked by the assertions that use it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shape is what the tests assert on
export type Body = any;

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Body;
}

function at(item: Body, path: string): unknown {
  let value: Body = item;
  for (const key of path.split('.'))
    value = value === null || value === undefined ? undefined : value[key];
  return value as unknown;
}

/** A mapper to one (dot-separated) property: `list.map(prop('provisioningStatusInfo.status'))`. */
export function prop(path: string): (item: Body) => unknown {
  return (item) => at(item, path);
}

/** A mapper to a tuple of properties: `list.map(props('id', 'status'))`. */
export function props(...paths: string[]): (item: Body) => unknown[] {
  return (item) => paths.map((path) => at(item, path));
}

export interface TokenSpec {
  readonly scp?: readonly string[];
  readonly roles?: readonly string[];
}

/** What a Graph client sees: status, headers and parsed body, for one tenant's token. */
export class GraphTestClient {
  readonly token: string;

  constructor(
    readonly sandbox: Sandbox,
    tenant: string,
    spec: TokenSpec = {},
    readonly base = GRAPH,
  ) {
    this.token = sandbox.mintToken({ tenantId: tenant, ...spec });
  }

  async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const init: RequestInit = {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...headers },
    };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = {
        'content-type': 'application/json',
        ...(init.headers as Record<string, string>),
      };
    }
    const url = path.startsWith('http') ? path : `${this.base}${path}`;
    const response = await this.sandbox.fetch(url, init);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? null : JSON.parse(text),
    };
  }

  get(path: string, headers?: Record<string, string>): Promise<Reply> {
    return this.send('GET', path, undefined, headers);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply> {
    return this.send('POST', path, body, headers);
  }
  patch(path: string, body: unknown): Promise<Reply> {
    return this.send('PATCH', path, body);
  }
  put(path: string, body: unknown): Promise<Reply> {
    return this.send('PUT', path, body);
  }
  delete(path: string): Promise<Reply> {
    return this.send('DELETE', path);
  }
}

export function createSandbox(options: SandboxOptions = {}): {
  sandbox: Sandbox;
  clock: TestClock;
} {
  const clock = new TestClock();
  return { sandbox: Sandbox.create({ now: clock.now, ...options }), clock };
}

/** Follows @odata.nextLink to the end; returns every value and the number of pages. */
export async function readAll(
  client: GraphTestClient,
  path: string,
  options: { headers?: Record<string, string>; beforeEachPage?: () => void } = {},
): Promise<{ values: Body[]; pages: number }> {
  const values: Body[] = [];
  let pages = 0;
  let next: string | undefined = path;
  while (next) {
    options.beforeEachPage?.();
    const reply = await client.get(next, options.headers);
    if (reply.status !== 200)
      throw new Error(`GET ${next} → ${reply.status} ${JSON.stringify(reply.body)}`);
    values.push(...reply.body.value);
    pages++;
    next = reply.body['@odata.nextLink'];
  }
  return { values, pages };
}
