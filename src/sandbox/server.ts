import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorResponse, MAX_REQUEST_BODY_BYTES, requestTooLarge } from './errors';
import type { SandboxResponse } from './http/sandboxRequest';
import { Sandbox } from './sandbox';

export interface SandboxServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Serve this sandbox; a fresh seeded one otherwise. */
  readonly sandbox?: Sandbox;
  /** Loopback only: the sandbox has no real authentication. */
  readonly host?: '127.0.0.1';
  /** How long a client may take to send a whole request (default 30 s); then 408 and the connection closes. */
  readonly requestTimeoutMs?: number;
}

export interface SandboxServer {
  /** `http://127.0.0.1:<port>`; Graph is under `<url>/v1.0`, control endpoints under `<url>/_sandbox`. */
  readonly url: string;
  readonly sandbox: Sandbox;
  close(): Promise<void>;
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined)
      out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Graph's hosts in each cloud: the only names a forwarding client may ask links to be written for. */
const GRAPH_HOSTS = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
]);

/**
 * The origin the request was addressed to. A client that forwards requests meant for Graph (the
 * extension with `crossTenant.sandbox.url`) says so with X-Forwarded-Host, as a reverse proxy
 * would; links in the answers (`@odata.nextLink`) then point at Graph as they would in real
 * responses, and the client keeps sending its token only to Graph.
 */
function requestOrigin(req: IncomingMessage, origin: string): string {
  const host = req.headers['x-forwarded-host'];
  return typeof host === 'string' && GRAPH_HOSTS.has(host.toLowerCase())
    ? `https://${host.toLowerCase()}`
    : origin;
}

type BodyRead =
  | { readonly kind: 'body'; readonly text: string }
  | { readonly kind: 'tooLarge' }
  | { readonly kind: 'gone' };

/**
 * Reads a request body of at most MAX_REQUEST_BODY_BYTES. Never rejects: a client that goes away
 * mid-upload is `gone`, and a body over the limit stops being kept (the rest is read and dropped,
 * so the 413 can be delivered before the connection closes).
 */
function readBody(req: IncomingMessage): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (read: BodyRead): void => {
      if (settled) return;
      settled = true;
      resolve(read);
    };
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('error', () => settle({ kind: 'gone' }));
    req.on('close', () => settle({ kind: 'gone' }));
    if (Number.isFinite(declared) && declared > MAX_REQUEST_BODY_BYTES) {
      req.resume();
      settle({ kind: 'tooLarge' });
      return;
    }
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > MAX_REQUEST_BODY_BYTES) {
        chunks.length = 0;
        settle({ kind: 'tooLarge' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => settle({ kind: 'body', text: Buffer.concat(chunks).toString('utf8') }));
  });
}

function send(res: ServerResponse, response: SandboxResponse, close = false): void {
  res.writeHead(
    response.status,
    close ? { ...response.headers, connection: 'close' } : response.headers,
  );
  res.end(response.body ?? undefined);
}

/** The names a loopback server is reached by; anything else in Host is a name some page resolved to us. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function hostName(host: string): string {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return name.toLowerCase();
}

/**
 * Requests a web page could make: addressed to a name that is not loopback (a page whose domain
 * now resolves to 127.0.0.1, DNS rebinding) or sent with a foreign Origin (a page posting to
 * 127.0.0.1). The tools the sandbox is for (the extension, the CLI, tests, curl) send no Origin
 * and address it by a loopback name. Graph never sees such requests; 403 and the code are a
 * sandbox choice.
 */
function webPageRefusal(req: IncomingMessage): ErrorResponse | undefined {
  const { host, origin } = req.headers;
  if (host !== undefined && !LOOPBACK_HOSTS.has(hostName(host)))
    return new ErrorResponse(
      403,
      'Forbidden',
      `The sandbox only answers requests addressed to 127.0.0.1, localhost or [::1], not Host '${host}'.`,
    );
  if (
    origin !== undefined &&
    (host === undefined || origin.toLowerCase() !== `http://${host.toLowerCase()}`)
  )
    return new ErrorResponse(
      403,
      'Forbidden',
      `The sandbox does not answer web pages (Origin '${origin}'): it serves local tools, tests and the extension.`,
    );
  return undefined;
}

async function serve(
  sandbox: Sandbox,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const headers = headerRecord(req);
  const refusal = webPageRefusal(req);
  if (refusal) {
    req.resume();
    send(res, sandbox.refuse(headers, refusal), true);
    return;
  }
  const body = await readBody(req);
  if (body.kind === 'gone') return;
  if (body.kind === 'tooLarge') {
    send(res, sandbox.refuse(headers, requestTooLarge()), true);
    return;
  }
  // A client that goes away while the sandbox waits (injected latency) cancels the work.
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  const outcome = await sandbox.handle(
    {
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', requestOrigin(req, origin)),
      headers,
      body: body.text,
    },
    abort.signal,
  );
  if (outcome.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  if (outcome.kind === 'truncate' && outcome.response.body !== null) {
    const bytes = Buffer.from(outcome.response.body, 'utf8');
    res.writeHead(outcome.response.status, {
      ...outcome.response.headers,
      'content-length': String(bytes.length),
    });
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => req.socket.destroy());
    return;
  }
  send(res, outcome.response);
}

/** Whatever went wrong, one request never takes the server down: it gets a 500, or its socket closes. */
function answerFailure(res: ServerResponse, e: unknown): void {
  if (e instanceof DOMException && e.name === 'AbortError') return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(e instanceof Error ? e.message : String(e));
}

/**
 * How long a client may take to send a whole request, headers and body (Node answers 408 and
 * closes after it). Graph documents no figure; 30 s is a sandbox choice.
 */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Serves a sandbox over HTTP on 127.0.0.1, for tests that need a real socket and for curl. */
export async function startSandboxServer(
  options: SandboxServerOptions = {},
): Promise<SandboxServer> {
  const sandbox = options.sandbox ?? Sandbox.create();
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: requestTimeout,
      // How often Node looks for requests past their timeout (its default is 30 s).
      connectionsCheckingInterval: Math.min(1_000, Math.max(10, Math.floor(requestTimeout / 4))),
    },
    (req, res) => {
      serve(sandbox, origin, req, res).catch((e: unknown) => answerFailure(res, e));
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
