// A local stand-in for the Microsoft Entra v2.0 endpoints that @azure/identity (MSAL) calls, served
// over HTTPS with a certificate made at start (trusted by the process under test through
// NODE_EXTRA_CA_CERTS): the OpenID configuration, the token endpoint (client credentials with a
// secret, a certificate assertion or a federated assertion; device code; refresh token), the device
// code endpoint, the JWKS, and the page where the user completes a device code. Requests and
// answers follow Microsoft's documentation of the v2.0 protocols; its tokens are Graph access tokens
// signed by a TokenIssuer, which the sandbox verifies when started with the same keys.
import { execFileSync } from 'node:child_process';
import {
  constants,
  createHash,
  createPublicKey,
  randomBytes,
  randomUUID,
  verify,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { TokenIssuer, type JsonWebKeySet } from './tokenIssuer';

export interface StandInTenant {
  readonly tenantId: string;
  readonly domains: readonly string[];
}

/** An app registration and what each tenant granted it. */
export interface StandInApp {
  readonly appId: string;
  readonly secret?: string;
  /** The certificate (PEM) whose private key signs the app's client assertions. */
  readonly certificatePem?: string;
  /** Workload identity federation: an external token of this issuer and subject is the app's assertion. */
  readonly federated?: {
    readonly issuer: string;
    readonly subject: string;
    readonly keys: JsonWebKeySet;
  };
  /** Application permissions granted (admin consent), per tenant id; the app exists only there. */
  readonly roles?: Readonly<Record<string, readonly string[]>>;
  /** A public client (device code); its delegated tokens carry the scopes asked for. */
  readonly publicClient?: boolean;
}

export interface StandInUser {
  readonly tenantId: string;
  readonly oid: string;
  readonly upn: string;
  readonly name?: string;
}

/** One request the stand-in answered, for the tests' assertions. */
export interface StandInRequest {
  readonly method: string;
  readonly path: string;
  readonly grantType?: string;
  readonly clientId?: string;
  readonly scope?: string;
  /** How the client proved who it is: client_secret, client_assertion (with its header's alg), none. */
  readonly clientAuth?: string;
  readonly status: number;
  readonly error?: string;
}

/** What a handler learns about a request while answering it. */
type RequestNote = { -readonly [K in keyof StandInRequest]?: StandInRequest[K] };

interface DeviceCode {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly scope: string;
  readonly expiresAtMs: number;
  user?: StandInUser;
}

interface RefreshGrant {
  readonly tenantId: string;
  readonly clientId: string;
  readonly user: StandInUser;
}

/** Thrown inside a handler: answered as a v2.0 error response. */
class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number,
    description: string,
  ) {
    super(`AADSTS${aadsts}: ${description}`);
  }
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const FEDERATION_AUDIENCE = 'api://AzureADTokenExchange';
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access']);

const b64urlJson = (segment: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;

/** A self-signed certificate and its key, made by Debian's openssl (`-addext` needs OpenSSL 1.1.1). */
export function makeCertificate(
  dir: string,
  name: string,
  subject: string,
  altName?: string,
): { certFile: string; keyFile: string; certificatePem: string } {
  const certFile = path.join(dir, `${name}.crt.pem`);
  const keyFile = path.join(dir, `${name}.key.pem`);
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-sha256'],
      ...['-keyout', keyFile, '-out', certFile, '-subj', `/CN=${subject}`],
      ...(altName ? ['-addext', `subjectAltName=${altName}`] : []),
    ],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile, certificatePem: fs.readFileSync(certFile, 'utf8') };
}

/** The stand-in's Entra: start it, register apps and users, point `authorityHost` at it. */
export class EntraStandIn {
  readonly issuer = TokenIssuer.create();
  readonly requests: StandInRequest[] = [];
  /** Lifetime of the access tokens it issues (seconds); a negative one issues tokens already expired. */
  accessTokenLifetime = 3600;
  private readonly apps = new Map<string, StandInApp>();
  private readonly users: StandInUser[] = [];
  private readonly deviceCodes = new Map<string, DeviceCode>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private server?: https.Server;
  private origin = '';

  private constructor(
    private readonly tenants: readonly StandInTenant[],
    /** Holds the TLS certificate; removed by close(). */
    readonly dir: string,
  ) {}

  static async start(tenants: readonly StandInTenant[]): Promise<EntraStandIn> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'entra-stand-in-'));
    const standIn = new EntraStandIn(tenants, dir);
    const tls = makeCertificate(dir, 'tls', '127.0.0.1', 'IP:127.0.0.1');
    const server = https.createServer(
      { cert: tls.certificatePem, key: fs.readFileSync(tls.keyFile) },
      (req, res) => void standIn.serve(req, res),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    standIn.server = server;
    standIn.origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return standIn;
  }

  /** The authority host (`AZURE_AUTHORITY_HOST`, `authorityHost`): https://127.0.0.1:<port>. */
  get authorityHost(): string {
    return this.origin;
  }

  /** The TLS certificate to trust: give it to the process under test as NODE_EXTRA_CA_CERTS. */
  get caFile(): string {
    return path.join(this.dir, 'tls.crt.pem');
  }

  get jwksUri(): string {
    return `${this.origin}/common/discovery/v2.0/keys`;
  }

  register(app: StandInApp): void {
    this.apps.set(app.appId.toLowerCase(), app);
  }

  addUser(user: StandInUser): void {
    this.users.push(user);
  }

  /**
   * Plays the user at the verification page: enters `userCode` and signs in as `upn`, as a person
   * would in a browser. Returns the page's HTTP status.
   */
  completeDeviceCode(userCode: string, upn: string): Promise<number> {
    const body = new URLSearchParams({ otc: userCode, login: upn }).toString();
    return new Promise((resolve, reject) => {
      const req = https.request(
        `${this.origin}/common/oauth2/deviceauth`,
        {
          method: 'POST',
          ca: fs.readFileSync(this.caFile),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): Promise<void> {
    fs.rmSync(this.dir, { recursive: true, force: true });
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private tenant(name: string): StandInTenant | undefined {
    const key = name.toLowerCase();
    return this.tenants.find((t) => t.tenantId === key || t.domains.includes(key));
  }

  private async serve(
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
  ): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.origin);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const segments = url.pathname.split('/').filter(Boolean);
    const note: RequestNote = {
      grantType: form.get('grant_type') ?? undefined,
      clientId: form.get('client_id') ?? undefined,
      scope: form.get('scope') ?? undefined,
    };
    let status = 200;
    let body: unknown;
    try {
      body = this.route(req.method ?? 'GET', segments, form, note);
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      status = err.status;
      note.error = err.error;
      const now = new Date()
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z');
      const trace = randomUUID();
      const correlation = randomUUID();
      body = {
        error: err.error,
        error_description: `${err.message} Trace ID: ${trace} Correlation ID: ${correlation} Timestamp: ${now}`,
        error_codes: [err.aadsts],
        timestamp: now,
        trace_id: trace,
        correlation_id: correlation,
        error_uri: `${this.origin}/error?code=${err.aadsts}`,
      };
    }
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, status, ...note });
    const html = typeof body === 'string';
    res.writeHead(status, {
      'content-type': html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
      'cache-control': 'no-store, no-cache',
    });
    res.end(html ? body : JSON.stringify(body));
  }

  private route(
    method: string,
    segments: readonly string[],
    form: URLSearchParams,
    note: RequestNote,
  ): unknown {
    const [tenantName, ...rest] = segments;
    const at = rest.join('/');
    if (method === 'GET' && at === 'v2.0/.well-known/openid-configuration')
      return this.openIdConfiguration(tenantName);
    if (method === 'GET' && at === 'discovery/v2.0/keys') return this.issuer.jwks;
    if (method === 'POST' && at === 'oauth2/v2.0/devicecode')
      return this.deviceCode(tenantName, form);
    if (method === 'POST' && at === 'oauth2/v2.0/token') return this.token(tenantName, form, note);
    if (method === 'POST' && at === 'oauth2/deviceauth') return this.userEntersCode(form);
    throw new OAuthError(
      404,
      'invalid_request',
      900561,
      `The endpoint /${segments.join('/')} does not exist.`,
    );
  }

  private knownTenant(name: string | undefined): StandInTenant {
    const tenant = name ? this.tenant(name) : undefined;
    if (!tenant)
      throw new OAuthError(
        400,
        'invalid_tenant',
        90002,
        `Tenant '${name ?? ''}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      );
    return tenant;
  }

  /** `GET /{tenant}/v2.0/.well-known/openid-configuration`: the tenant's endpoints, its id in the issuer. */
  private openIdConfiguration(tenantName: string | undefined): unknown {
    const { tenantId } = this.knownTenant(tenantName);
    const base = `${this.origin}/${tenantId}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: [
        'client_secret_post',
        'private_key_jwt',
        'client_secret_basic',
      ],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'nbf',
        'tid',
        'oid',
        'name',
        'preferred_username',
      ],
      kerberos_endpoint: `${base}/kerberos`,
      tenant_region_scope: 'NA',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    };
  }

  private app(clientId: string | null, tenantId: string): StandInApp {
    const app = clientId ? this.apps.get(clientId.toLowerCase()) : undefined;
    if (!app || (!app.publicClient && !app.roles?.[tenantId]))
      throw new OAuthError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId ?? ''}' was not found in the directory '${tenantId}'.`,
      );
    return app;
  }

  /** `POST /{tenant}/oauth2/v2.0/devicecode`: a code for the user to enter at the verification page. */
  private deviceCode(tenantName: string | undefined, form: URLSearchParams): unknown {
    const { tenantId } = this.knownTenant(tenantName);
    const clientId = form.get('client_id');
    this.app(clientId, tenantId);
    const userCode = randomBytes(6)
      .toString('base64url')
      .replace(/[-_]/g, 'X')
      .slice(0, 9)
      .toUpperCase();
    const deviceCode = randomBytes(24).toString('base64url');
    // Stand-in choice: Entra asks clients to poll every 5 seconds; 1 keeps the tests quick.
    const interval = 1;
    this.deviceCodes.set(deviceCode, {
      deviceCode,
      userCode,
      tenantId,
      clientId: clientId!,
      scope: form.get('scope') ?? '',
      expiresAtMs: Date.now() + 900_000,
    });
    const verificationUri = `${this.origin}/common/oauth2/deviceauth`;
    return {
      user_code: userCode,
      device_code: deviceCode,
      verification_uri: verificationUri,
      expires_in: 900,
      interval,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
    };
  }

  /** The user at the verification page: the code, then their sign-in. */
  private userEntersCode(form: URLSearchParams): string {
    const code = [...this.deviceCodes.values()].find((d) => d.userCode === form.get('otc'));
    if (!code || code.expiresAtMs < Date.now())
      throw new OAuthError(
        400,
        'invalid_grant',
        70019,
        'The code you entered has expired or is not valid.',
      );
    const user = this.users.find(
      (u) =>
        u.tenantId === code.tenantId &&
        u.upn.toLowerCase() === (form.get('login') ?? '').toLowerCase(),
    );
    if (!user)
      throw new OAuthError(
        400,
        'invalid_grant',
        50034,
        'The user account does not exist in the directory.',
      );
    code.user = user;
    return '<!doctype html><title>Signed in</title><p>You have signed in. You may now close this window.</p>';
  }

  /** `POST /{tenant}/oauth2/v2.0/token`. */
  private token(tenantName: string | undefined, form: URLSearchParams, note: RequestNote): unknown {
    const { tenantId } = this.knownTenant(tenantName);
    const clientId = form.get('client_id');
    const app = this.app(clientId, tenantId);
    switch (form.get('grant_type')) {
      case 'client_credentials':
        this.authenticateClient(app, tenantId, form, note);
        return this.appOnlyToken(app, tenantId, form.get('scope') ?? '');
      // RFC 8628's name, which Microsoft documents, and the short one MSAL sends; Entra takes both.
      case DEVICE_CODE_GRANT:
      case 'device_code': {
        note.clientAuth = 'none';
        const code = this.deviceCodes.get(form.get('device_code') ?? '');
        if (!code || code.clientId !== clientId)
          throw new OAuthError(
            400,
            'invalid_grant',
            70000,
            'The provided value for the device_code is not valid.',
          );
        if (code.expiresAtMs < Date.now())
          throw new OAuthError(
            400,
            'expired_token',
            70020,
            'The provided authorization code or refresh token has expired due to inactivity.',
          );
        if (!code.user)
          throw new OAuthError(
            400,
            'authorization_pending',
            70016,
            'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
          );
        this.deviceCodes.delete(code.deviceCode);
        return this.delegatedTokens(app, tenantId, code.user, code.scope);
      }
      case 'refresh_token': {
        note.clientAuth = 'none';
        const grant = this.refreshTokens.get(form.get('refresh_token') ?? '');
        if (!grant || grant.clientId !== clientId || grant.tenantId !== tenantId)
          throw new OAuthError(
            400,
            'invalid_grant',
            9002313,
            'Invalid request. The refresh token is malformed or not valid.',
          );
        return this.delegatedTokens(app, tenantId, grant.user, form.get('scope') ?? '');
      }
      default:
        throw new OAuthError(
          400,
          'unsupported_grant_type',
          70003,
          `The app requested an unsupported grant type '${form.get('grant_type') ?? ''}'.`,
        );
    }
  }

  /** Client secret, certificate assertion or federated assertion; notes how the client proved itself. */
  private authenticateClient(
    app: StandInApp,
    tenantId: string,
    form: URLSearchParams,
    note: RequestNote,
  ): void {
    const secret = form.get('client_secret');
    if (secret !== null) {
      note.clientAuth = 'client_secret';
      if (!app.secret || secret !== app.secret)
        throw new OAuthError(
          401,
          'invalid_client',
          7000215,
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.appId}'.`,
        );
      return;
    }
    const assertion = form.get('client_assertion');
    if (assertion === null || form.get('client_assertion_type') !== JWT_BEARER)
      throw new OAuthError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    const parts = assertion.split('.');
    if (parts.length !== 3)
      throw new OAuthError(
        401,
        'invalid_client',
        50027,
        'Invalid JWT token. The token is not in a valid format.',
      );
    const header = b64urlJson(parts[0]);
    const claims = b64urlJson(parts[1]);
    const federated = app.federated !== undefined && claims.iss === app.federated.issuer;
    note.clientAuth = `${federated ? 'federated' : 'client_assertion'} (${String(header.alg)})`;
    const now = Math.floor(Date.now() / 1000);
    if (typeof claims.exp !== 'number' || claims.exp < now)
      throw new OAuthError(
        401,
        'invalid_client',
        700024,
        'Client assertion is not within its valid time range.',
      );
    if (federated && app.federated) {
      // Workload identity federation: the external token names the app by issuer, subject and audience.
      const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      const key = app.federated.keys.keys.find((k) => k.kid === header.kid);
      if (
        claims.sub !== app.federated.subject ||
        !aud.includes(FEDERATION_AUDIENCE) ||
        !key ||
        !this.verifies(
          parts,
          String(header.alg),
          createPublicKey({ key: key as never, format: 'jwk' }),
        )
      )
        throw new OAuthError(
          400,
          'invalid_request',
          70021,
          `No matching federated identity record found for presented assertion. Assertion Issuer: '${String(claims.iss)}'. Assertion Subject: '${String(claims.sub)}'. Assertion Audience: '${aud.join(',')}'.`,
        );
      return;
    }
    // A certificate credential: the assertion names the app and the token endpoint, and its header
    // names the certificate by thumbprint.
    const certificate = app.certificatePem ? new X509Certificate(app.certificatePem) : undefined;
    const thumbprints = certificate
      ? {
          'x5t#S256': Buffer.from(certificate.fingerprint256.replace(/:/g, ''), 'hex').toString(
            'base64url',
          ),
          x5t: Buffer.from(certificate.fingerprint.replace(/:/g, ''), 'hex').toString('base64url'),
        }
      : undefined;
    const named =
      thumbprints &&
      (header['x5t#S256'] === thumbprints['x5t#S256'] || header.x5t === thumbprints.x5t);
    if (!certificate || !named)
      throw new OAuthError(
        401,
        'invalid_client',
        700027,
        'The certificate with identifier used to sign the client assertion is not registered on application.',
      );
    if (claims.iss !== app.appId || claims.sub !== app.appId)
      throw new OAuthError(
        401,
        'invalid_client',
        700021,
        "Client assertion application identifier doesn't match 'client_id' parameter.",
      );
    if (claims.aud !== `${this.origin}/${tenantId}/oauth2/v2.0/token`)
      throw new OAuthError(
        401,
        'invalid_client',
        700212,
        `No matching federated identity record found for presented assertion audience '${String(claims.aud)}'.`,
      );
    if (!this.verifies(parts, String(header.alg), certificate.publicKey))
      throw new OAuthError(
        401,
        'invalid_client',
        7000274,
        'Key was found, but use of the key to verify the signature failed.',
      );
  }

  private verifies(parts: readonly string[], alg: string, key: KeyObject): boolean {
    const data = Buffer.from(`${parts[0]}.${parts[1]}`);
    const signature = Buffer.from(parts[2], 'base64url');
    if (alg === 'RS256') return verify('sha256', data, key, signature);
    if (alg === 'PS256')
      return verify(
        'sha256',
        data,
        {
          key,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
        },
        signature,
      );
    return false;
  }

  /** Client credentials: `<resource>/.default` only, the roles the tenant granted the app. */
  private appOnlyToken(app: StandInApp, tenantId: string, scope: string): unknown {
    const resource = /^(https:\/\/[^/]+)\/\.default$/.exec(scope.trim())?.[1];
    if (!resource)
      throw new OAuthError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    const access = this.issuer.accessToken({
      tenantId,
      appId: app.appId,
      roles: app.roles?.[tenantId] ?? [],
      oid: servicePrincipalId(app.appId, tenantId),
      audience: resource,
      lifetimeSeconds: this.accessTokenLifetime,
    });
    return { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: access };
  }

  /** Device code and refresh token grants: a user's token with the scopes asked for, a refresh token, an id token. */
  private delegatedTokens(
    app: StandInApp,
    tenantId: string,
    user: StandInUser,
    scope: string,
  ): unknown {
    const requested = scope.split(' ').filter((s) => s && !OIDC_SCOPES.has(s));
    const resource =
      /^(https:\/\/[^/]+)\//.exec(requested[0] ?? '')?.[1] ?? 'https://graph.microsoft.com';
    const permissions = requested.map((s) => s.replace(/^https:\/\/[^/]+\//, ''));
    const access = this.issuer.accessToken({
      tenantId,
      appId: app.appId,
      scp: permissions,
      oid: user.oid,
      upn: user.upn,
      name: user.name ?? user.upn,
      audience: resource,
      lifetimeSeconds: this.accessTokenLifetime,
    });
    const refresh = randomBytes(32).toString('base64url');
    this.refreshTokens.set(refresh, { tenantId, clientId: app.appId, user });
    const now = Math.floor(Date.now() / 1000);
    const idToken = this.issuer.sign({
      aud: app.appId,
      iss: `${this.origin}/${tenantId}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: user.name ?? user.upn,
      oid: user.oid,
      preferred_username: user.upn,
      sub: createHash('sha256').update(`${user.oid}${app.appId}`).digest('base64url'),
      tid: tenantId,
      ver: '2.0',
    });
    return {
      token_type: 'Bearer',
      scope: [...requested, ...scope.split(' ').filter((s) => OIDC_SCOPES.has(s))].join(' '),
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: access,
      refresh_token: refresh,
      id_token: idToken,
      client_info: Buffer.from(JSON.stringify({ uid: user.oid, utid: tenantId })).toString(
        'base64url',
      ),
    };
  }
}

/** The object id of an app's service principal in a tenant: stable, different per tenant. */
function servicePrincipalId(appId: string, tenantId: string): string {
  const h = createHash('sha256').update(`${appId}/${tenantId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
