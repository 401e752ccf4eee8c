import type { SandboxAnswers } from '../answers';
import { badRequest, ErrorResponse } from '../errors';
import type { Faults } from '../faults';
import type { RouteResult } from '../http/route';
import { isJsonObject, type Json, type JsonObject } from '../json';
import type { SandboxTenant } from '../seed/tenants';

/** What the control endpoints can do to a sandbox; implemented by the Sandbox class. */
export interface SandboxControl {
  listTenants(): SandboxTenant[];
  mintToken(options: {
    tenantId: string;
    scp?: string[];
    roles?: string[];
    expiresInSeconds?: number;
  }): string;
  readonly faults: Faults;
  reset(): void;
  appendProvisioningLogs(tenantId: string, entries: readonly JsonObject[]): JsonObject[];
  appendDirectoryAudits(tenantId: string, entries: readonly JsonObject[]): JsonObject[];
  appendSignIns(tenantId: string, entries: readonly JsonObject[]): JsonObject[];
  addPartners(tenantId: string, count: number): SandboxTenant[];
  readonly timeCompression: number;
  setTimeCompression(factor: number): void;
  readonly answers: SandboxAnswers;
  setAnswers(answers: Partial<SandboxAnswers>): void;
}

function tenantJson(t: SandboxTenant): JsonObject {
  return {
    tenantId: t.tenantId,
    displayName: t.displayName,
    defaultDomainName: t.defaultDomainName,
    cloud: t.cloud,
    description: t.description,
    domains: [t.defaultDomainName, ...t.customDomains],
  };
}

function list(value: string | null): string[] | undefined {
  return value === null ? undefined : value.split(/[\s,]+/).filter((s) => s !== '');
}

function notFound(path: string): ErrorResponse {
  return new ErrorResponse(
    404,
    'NotFound',
    `No sandbox control endpoint at '${path}'. Available: GET /_sandbox/tenants, GET /_sandbox/token, GET|POST|DELETE /_sandbox/faults, GET|POST /_sandbox/settings, POST /_sandbox/reset, POST /_sandbox/tenants/{id}/provisioning, POST /_sandbox/tenants/{id}/directoryAudits, POST /_sandbox/tenants/{id}/signIns, POST /_sandbox/tenants/{id}/partners.`,
  );
}

/**
 * The sandbox's own endpoints under `/_sandbox` (no token needed): tenants, tokens, faults, reset,
 * and seeding helpers for tests and benchmarks. `segments` follow `_sandbox`.
 */
export function handleControl(
  control: SandboxControl,
  method: string,
  segments: readonly string[],
  url: URL,
  body: () => Json | undefined,
): RouteResult {
  const path = `/_sandbox/${segments.join('/')}`;
  const [first, second, third] = segments;
  if (first === 'tenants' && segments.length === 1 && method === 'GET')
    return { status: 200, body: control.listTenants().map(tenantJson) };
  if (first === 'token' && segments.length === 1 && method === 'GET') {
    const tenant = url.searchParams.get('tenant');
    if (!tenant)
      throw badRequest("The 'tenant' query parameter (tenant id or domain) is required.");
    const expires = url.searchParams.get('expiresIn');
    if (expires !== null && !/^-?\d+$/.test(expires))
      throw badRequest("'expiresIn' must be a number of seconds.");
    const expiresInSeconds = expires === null ? 3600 : Number(expires);
    const scp = list(url.searchParams.get('scp'));
    const roles = list(url.searchParams.get('roles'));
    if (scp && roles)
      throw badRequest('A token is either delegated (scp) or app-only (roles), not both.');
    return {
      status: 200,
      body: {
        access_token: control.mintToken({ tenantId: tenant, scp, roles, expiresInSeconds }),
        token_type: 'Bearer',
        expires_in: expiresInSeconds,
      },
    };
  }
  if (first === 'faults' && segments.length === 1) {
    if (method === 'GET')
      return { status: 200, body: control.faults.current as unknown as JsonObject };
    if (method === 'DELETE') {
      control.faults.clear();
      return { status: 204 };
    }
    if (method === 'POST') {
      const settings = body();
      if (!isJsonObject(settings))
        throw badRequest('Expected a JSON object {latencyMs?, throttle?, unavailable?, drop?}.');
      try {
        control.faults.set(settings);
      } catch (e) {
        throw badRequest(e instanceof Error ? e.message : String(e));
      }
      return { status: 200, body: control.faults.current as unknown as JsonObject };
    }
  }
  if (first === 'settings' && segments.length === 1) {
    const current = (): JsonObject => ({
      timeCompression: control.timeCompression,
      answers: { ...control.answers },
    });
    if (method === 'GET') return { status: 200, body: current() };
    if (method === 'POST') {
      const settings = body();
      if (!isJsonObject(settings))
        throw badRequest('Expected a JSON object {timeCompression?, answers?}.');
      const unknown = Object.keys(settings).filter(
        (k) => k !== 'timeCompression' && k !== 'answers',
      );
      if (unknown.length > 0)
        throw badRequest(
          `Unknown setting(s) ${unknown.join(', ')}; supported: timeCompression, answers.`,
        );
      try {
        if (settings.timeCompression !== undefined)
          control.setTimeCompression(settings.timeCompression as number);
        if (settings.answers !== undefined)
          control.setAnswers(settings.answers as Partial<SandboxAnswers>);
      } catch (e) {
        throw badRequest(e instanceof Error ? e.message : String(e));
      }
      return { status: 200, body: current() };
    }
  }
  if (first === 'reset' && segments.length === 1 && method === 'POST') {
    control.reset();
    return { status: 204 };
  }
  if (first === 'tenants' && segments.length === 3 && method === 'POST') {
    const payload = body();
    const appenders: Record<string, [string, (id: string, e: JsonObject[]) => JsonObject[]]> = {
      provisioning: ['provisioningObjectSummary', (id, e) => control.appendProvisioningLogs(id, e)],
      directoryAudits: ['directoryAudit', (id, e) => control.appendDirectoryAudits(id, e)],
      signIns: ['signIn', (id, e) => control.appendSignIns(id, e)],
    };
    const appender = Object.prototype.hasOwnProperty.call(appenders, third)
      ? appenders[third]
      : undefined;
    if (appender) {
      const entries = Array.isArray(payload)
        ? payload
        : isJsonObject(payload) && Array.isArray(payload.value)
          ? payload.value
          : undefined;
      if (!entries || !entries.every(isJsonObject))
        throw badRequest(`Expected a JSON array of ${appender[0]} objects, or {"value": [...]}.`);
      return { status: 201, body: { value: appender[1](second, entries) } };
    }
    if (third === 'partners') {
      const count = isJsonObject(payload) ? payload.count : undefined;
      if (typeof count !== 'number') throw badRequest('Expected {"count": n}.');
      return { status: 201, body: { value: control.addPartners(second, count).map(tenantJson) } };
    }
  }
  throw notFound(path);
}
