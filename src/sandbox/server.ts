import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sandbox } from './sandbox';

export interface SandboxServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Serve this sandbox; a fresh seeded one otherwise. */
  readonly sandbox?: Sandbox;
  /** Loopback only: the sandbox has no real authentication. */
  readonly host?: '127.0.0.1';
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

async function serve(
  sandbox: Sandbox,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  // A client that goes away while the sandbox waits (injected latency) cancels the work.
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  try {
    const outcome = await sandbox.handle(
      {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', requestOrigin(req, origin)),
        headers: headerRecord(req),
        body: Buffer.concat(chunks).toString('utf8'),
      },
      abort.signal,
    );
    if (outcome.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    res.writeHead(outcome.response.status, outcome.response.headers);
    res.end(outcome.response.body ?? undefined);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return;
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(e instanceof Error ? e.message : String(e));
  }
}

/** Serves a sandbox over HTTP on 127.0.0.1, for tests that need a real socket and for curl. */
export async function startSandboxServer(
  options: SandboxServerOptions = {},
): Promise<SandboxServer> {
  const sandbox = options.sandbox ?? Sandbox.create();
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const server = createServer((req, res) => {
    void serve(sandbox, origin, req, res);
  });
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
