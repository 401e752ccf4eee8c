import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SANDBOX_TENANT_IDS, type SandboxServer } from '../../../src/sandbox';
import { makeCertificate, type EntraStandIn } from '../../support/entraStandIn';
import { TokenIssuer } from '../../support/tokenIssuer';
import { signedGraphEnv, startSignedGraph } from './signedGraph';

// The CLI's real sign-in paths end to end: the bundled `cross-tenant` runs as its own process,
// @azure/identity unchanged with AZURE_AUTHORITY_HOST pointed at a local HTTPS stand-in for Entra
// (trusted through NODE_EXTRA_CA_CERTS), and CROSS_TENANT_GRAPH_URL at the HTTP sandbox, which
// checks the stand-in's RS256 signatures as Graph checks Entra's.

const ROOT = path.resolve(__dirname, '../../..');
const { contoso } = SANDBOX_TENANT_IDS;
const APP = '3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e1a';
const OTHER_APP = '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4';
const READ_ROLES = [
  'Policy.Read.All',
  'CrossTenantInformation.ReadBasic.All',
  'Organization.Read.All',
];
const SECRET = 'stand-in~secret.value-0123456789';

interface Exit {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('cross-tenant signs in with @azure/identity (Entra stand-in over HTTPS, signed tokens)', function () {
  this.timeout(30_000);
  let entra: EntraStandIn;
  let graph: SandboxServer;
  let bin = '';
  let scratch = '';
  let certificatePem = '';
  let certificateFile = '';
  let unregisteredCertificateFile = '';
  const cluster = TokenIssuer.create();
  const CLUSTER_ISSUER = 'https://oidc.cluster.example.test/0d6f2a41';
  const SUBJECT = 'system:serviceaccount:identity:cross-tenant';

  /** Runs the bundled CLI with only the environment given (and PATH); `onStderr` sees stderr as it comes. */
  function cli(
    args: readonly string[],
    env: Record<string, string>,
    onStderr?: (text: string) => void,
  ): Promise<Exit> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], {
        env: { PATH: process.env.PATH ?? '', ...signedGraphEnv(entra, graph), ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        onStderr?.(stderr);
      });
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }

  const exportContoso = (env: Record<string, string>, ...more: string[]): Promise<Exit> =>
    cli(['export', '--tenant', 'contoso.onmicrosoft.com', '--out', scratch, ...more], env);

  before(async function () {
    this.timeout(60_000);
    ({ entra, graph } = await startSignedGraph());
    const certificate = makeCertificate(entra.dir, 'app', 'cross-tenant-cli');
    certificatePem = certificate.certificatePem;
    certificateFile = path.join(entra.dir, 'app.pem');
    fs.writeFileSync(
      certificateFile,
      `${fs.readFileSync(certificate.keyFile, 'utf8')}${certificatePem}`,
    );
    const stranger = makeCertificate(entra.dir, 'stranger', 'someone-else');
    unregisteredCertificateFile = path.join(entra.dir, 'stranger.pem');
    fs.writeFileSync(
      unregisteredCertificateFile,
      `${fs.readFileSync(stranger.keyFile, 'utf8')}${stranger.certificatePem}`,
    );
    entra.register({
      appId: APP,
      secret: SECRET,
      certificatePem,
      federated: { issuer: CLUSTER_ISSUER, subject: SUBJECT, keys: cluster.jwks },
      roles: { [contoso]: READ_ROLES },
    });
    entra.register({ appId: OTHER_APP, publicClient: true });
    entra.addUser({
      tenantId: contoso,
      oid: '6a0f4e2c-8b1d-4d3e-9f5a-7c2b1e0d9a8f',
      upn: 'admin@contoso.onmicrosoft.com',
      name: 'Contoso Admin',
    });
    // The bundle esbuild.js builds for package.json's bin, in a scratch folder inside the package
    // (out/, git-ignored) so that it finds schemas/ the way dist/cli.js does.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build script
    const { cli: config } = require(path.join(ROOT, 'esbuild.js')) as {
      cli: Record<string, unknown>;
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild is a devDependency
    const esbuild = require('esbuild') as typeof import('esbuild');
    fs.mkdirSync(path.join(ROOT, 'out'), { recursive: true });
    const outDir = fs.mkdtempSync(path.join(ROOT, 'out', 'cli-identity-'));
    bin = path.join(outDir, 'cli.js');
    await esbuild.build({
      ...config,
      absWorkingDir: ROOT,
      outfile: bin,
      plugins: [],
      sourcemap: false,
      logLevel: 'silent',
    });
  });

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cross-tenant-identity-'));
    entra.requests.length = 0;
    entra.accessTokenLifetime = 3600;
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));
  after(async () => {
    if (bin) fs.rmSync(path.dirname(bin), { recursive: true, force: true });
    await graph?.close();
    await entra?.close();
  });

  /** The token requests the stand-in answered: [grant, how the client proved itself, status]. */
  const tokenRequests = (): [string?, string?, number?][] =>
    entra.requests
      .filter((r) => r.path.endsWith('/oauth2/v2.0/token'))
      .map((r) => [r.grantType, r.clientAuth, r.status]);

  it('client secret: the tenant is found through the authority, the token is app-only, the export reads Graph', async () => {
    const result = await exportContoso({ AZURE_CLIENT_ID: APP, AZURE_CLIENT_SECRET: SECRET });
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      new RegExp(
        `Exported Contoso Group \\(${contoso}\\) from Microsoft Graph \\(Global\\) at ${graph.url}: 6 files`,
      ),
    );
    assert.deepEqual(
      entra.requests.map((r) => [r.method, r.path.replace(contoso, '<tid>'), r.status]),
      [
        ['GET', '/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration', 200],
        ['GET', '/<tid>/v2.0/.well-known/openid-configuration', 200],
        ['POST', '/<tid>/oauth2/v2.0/token', 200],
      ],
    );
    assert.deepEqual(tokenRequests(), [['client_credentials', 'client_secret', 200]]);
    assert.equal(entra.requests.at(-1)!.scope, 'https://graph.microsoft.com/.default');
    assert.doesNotMatch(result.stdout + result.stderr, new RegExp(SECRET.replace(/[.~]/g, '\\$&')));
  });

  it('a wrong client secret: Entra refuses it, the CLI says whose token failed and why, never the secret (exit 2)', async () => {
    const result = await exportContoso({
      AZURE_CLIENT_ID: APP,
      AZURE_CLIENT_SECRET: 'not-the-secret',
    });
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      new RegExp(
        `Could not get a token for tenant ${contoso} from ${entra.authorityHost} \\(app ${APP}, client secret from AZURE_CLIENT_SECRET\\): .*AADSTS7000215`,
      ),
    );
    assert.doesNotMatch(result.stderr, /not-the-secret/);
    assert.deepEqual(tokenRequests(), [['client_credentials', 'client_secret', 401]]);
  });

  it('certificate: a signed client assertion naming the certificate by its SHA-256 thumbprint', async () => {
    const result = await exportContoso({
      AZURE_CLIENT_ID: APP,
      AZURE_CLIENT_CERTIFICATE_PATH: certificateFile,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(tokenRequests(), [['client_credentials', 'client_assertion (PS256)', 200]]);

    const refused = await exportContoso({
      AZURE_CLIENT_ID: APP,
      AZURE_CLIENT_CERTIFICATE_PATH: unregisteredCertificateFile,
    });
    assert.equal(refused.code, 2);
    assert.match(
      refused.stderr,
      /certificate from AZURE_CLIENT_CERTIFICATE_PATH\): .*AADSTS700027/,
    );
  });

  it('workload identity: the federated token file is the assertion; another subject is refused', async () => {
    const tokenFile = path.join(scratch, 'token');
    const federated = (sub: string): string => {
      const now = Math.floor(Date.now() / 1000);
      return cluster.sign({
        iss: CLUSTER_ISSUER,
        sub,
        aud: ['api://AzureADTokenExchange'],
        iat: now,
        nbf: now,
        exp: now + 3600,
      });
    };
    fs.writeFileSync(tokenFile, federated(SUBJECT));
    const env = {
      AZURE_CLIENT_ID: APP,
      AZURE_TENANT_ID: contoso,
      AZURE_FEDERATED_TOKEN_FILE: tokenFile,
    };
    const result = await exportContoso(env);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(tokenRequests(), [['client_credentials', 'federated (RS256)', 200]]);

    fs.writeFileSync(tokenFile, federated('system:serviceaccount:other:intruder'));
    const refused = await exportContoso(env);
    assert.equal(refused.code, 2);
    assert.match(
      refused.stderr,
      /workload identity from AZURE_FEDERATED_TOKEN_FILE\): .*AADSTS70021/,
    );
  });

  it('device code: the user completes the code at the stand-in; one sign-in serves the read and the push', async () => {
    const exported = await exportContoso({ AZURE_CLIENT_ID: APP, AZURE_CLIENT_SECRET: SECRET });
    assert.equal(exported.code, 0, exported.stderr);
    const file = path.join(scratch, 'contoso.onmicrosoft.com', 'default.xta-default.json');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      inboundTrust: { isMfaAccepted: boolean };
    };
    doc.inboundTrust.isMfaAccepted = !doc.inboundTrust.isMfaAccepted;
    fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
    entra.requests.length = 0;

    let completion: Promise<number> | undefined;
    const pushed = await cli(
      ['push', file, '--yes', '--device-code'],
      { AZURE_CLIENT_ID: OTHER_APP },
      (stderr) => {
        const code = /enter the code (\S+) to authenticate/.exec(stderr)?.[1];
        // The user reads the message, opens the page and signs in as the tenant's admin.
        if (code && !completion)
          completion = entra.completeDeviceCode(code, 'admin@contoso.onmicrosoft.com');
      },
    );
    assert.equal(pushed.code, 0, pushed.stderr);
    assert.equal(await completion, 200);
    assert.match(
      pushed.stderr,
      new RegExp(
        `open the page ${entra.authorityHost}/common/oauth2/deviceauth and enter the code`,
      ),
    );
    assert.equal(entra.requests.filter((r) => r.path.endsWith('/devicecode')).length, 1);
    const grants = tokenRequests().filter(([, , status]) => status === 200);
    assert.deepEqual(
      grants.map(([grant]) => grant),
      ['device_code', 'refresh_token'],
      'read with the browse scopes, then the write scope silently',
    );
    const tokens = entra.requests.filter((r) => r.path.endsWith('/token') && r.status === 200);
    assert.match(tokens[0].scope ?? '', /https:\/\/graph\.microsoft\.com\/Policy\.Read\.All/);
    assert.match(tokens[1].scope ?? '', /Policy\.ReadWrite\.CrossTenantAccess/);
  });

  it('a token the stand-in issues already expired is refused by the sandbox as Graph refuses it (exit 2)', async () => {
    entra.accessTokenLifetime = -60;
    const result = await exportContoso({ AZURE_CLIENT_ID: APP, AZURE_CLIENT_SECRET: SECRET });
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      new RegExp(`Your sign-in to tenant ${contoso} has expired or was revoked`),
    );
  });
});
