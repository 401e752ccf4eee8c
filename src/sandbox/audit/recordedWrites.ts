import { randomUUID } from 'node:crypto';
import type { RouteContext, RouteResult, Route } from '../http/route';
import { cloneJson, isJsonObject, type JsonObject, str } from '../json';
import type { ServicePrincipalRecord } from '../store/records';
import {
  ACTIVITIES,
  defaultEvent,
  identitySyncEvent,
  partnerEvent,
  policyEvent,
  provisioningEvent,
} from './auditEvents';
import {
  directoryAudit,
  type AuditActor,
  type AuditEventInput,
  type IdSource,
} from './directoryAudit';

/**
 * Who made a change, from the token: the user of a delegated token (its oid and upn), or the app
 * of an app-only token, named by the tenant's service principal for it when there is one.
 * Sandbox choice: the caller's IP address is not recorded (null).
 */
export function actorOf(ctx: RouteContext): AuditActor {
  const { principal } = ctx;
  if (principal.kind === 'delegated')
    return {
      user: {
        id: principal.oid ?? null,
        displayName: null,
        userPrincipalName: principal.upn ?? null,
        ipAddress: null,
      },
    };
  const appId = principal.appId ?? null;
  const sp = appId
    ? [...ctx.tenant.servicePrincipals.values()].find(
        (r) => str(r.servicePrincipal.appId).toLowerCase() === appId.toLowerCase(),
      )
    : undefined;
  return {
    app: {
      appId,
      displayName: sp ? str(sp.servicePrincipal.displayName) : null,
      servicePrincipalId: sp ? str(sp.servicePrincipal.id) : null,
      servicePrincipalName: null,
    },
  };
}

const liveIds: IdSource = {
  guid: () => randomUUID(),
  int: (max) => Math.floor(Math.random() * max),
};

/** What a write looked like before it ran, and how to turn before and after into audit events. */
type Recorder = (ctx: RouteContext) => (result: RouteResult) => AuditEventInput[];

const PARTNER = '/policies/crossTenantAccessPolicy/partners/{partnerTenantId}';
const JOB = '/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}';

function partnerKey(ctx: RouteContext): string {
  return ctx.params.partnerTenantId.toLowerCase();
}

function copy(doc: JsonObject | undefined): JsonObject | undefined {
  return doc === undefined ? undefined : cloneJson(doc);
}

function servicePrincipalOf(ctx: RouteContext): ServicePrincipalRecord | undefined {
  return ctx.tenant.servicePrincipals.get(ctx.params.servicePrincipalId.toLowerCase());
}

/** A job change of the configuration named in the path, logged against its service principal. */
function jobChange(
  activity: Parameters<typeof provisioningEvent>[0],
  jobIdOf: (ctx: RouteContext, result: RouteResult) => string = (ctx) => ctx.params.jobId,
): Recorder {
  return (ctx) => (result) => {
    const sp = servicePrincipalOf(ctx);
    if (!sp) return [];
    return [
      provisioningEvent(
        activity,
        { id: str(sp.servicePrincipal.id), displayName: str(sp.servicePrincipal.displayName) },
        { JobId: jobIdOf(ctx, result) },
        actorOf(ctx),
        ctx.now,
      ),
    ];
  };
}

/** Every write of the sandbox that changes cross-tenant settings or a sync configuration. */
const RECORDERS: Readonly<Record<string, Recorder>> = {
  'POST /policies/crossTenantAccessPolicy/partners': (ctx) => {
    const known = new Set(ctx.tenant.partners.keys());
    return () =>
      [...ctx.tenant.partners]
        .filter(([key]) => !known.has(key))
        .map(([key, partner]) =>
          partnerEvent(key, undefined, copy(partner), actorOf(ctx), ctx.now),
        );
  },
  [`PATCH ${PARTNER}`]: (ctx) => {
    const before = copy(ctx.tenant.partners.get(partnerKey(ctx)));
    return () => {
      const after = ctx.tenant.partners.get(partnerKey(ctx));
      return before && after
        ? [partnerEvent(partnerKey(ctx), before, copy(after), actorOf(ctx), ctx.now)]
        : [];
    };
  },
  [`DELETE ${PARTNER}`]: (ctx) => {
    const before = copy(ctx.tenant.partners.get(partnerKey(ctx)));
    return () =>
      before ? [partnerEvent(partnerKey(ctx), before, undefined, actorOf(ctx), ctx.now)] : [];
  },
  'PATCH /policies/crossTenantAccessPolicy': (ctx) => {
    const before = cloneJson(ctx.tenant.policy);
    return () => [
      policyEvent(str(before.id), before, cloneJson(ctx.tenant.policy), actorOf(ctx), ctx.now),
    ];
  },
  'PATCH /policies/crossTenantAccessPolicy/default': (ctx) => {
    const before = cloneJson(ctx.tenant.defaultConfiguration);
    return () => [
      defaultEvent(
        str(ctx.tenant.policy.id),
        before,
        cloneJson(ctx.tenant.defaultConfiguration),
        false,
        actorOf(ctx),
        ctx.now,
      ),
    ];
  },
  'POST /policies/crossTenantAccessPolicy/default/resetToSystemDefault': (ctx) => {
    const before = cloneJson(ctx.tenant.defaultConfiguration);
    return () => [
      defaultEvent(
        str(ctx.tenant.policy.id),
        before,
        cloneJson(ctx.tenant.defaultConfiguration),
        true,
        actorOf(ctx),
        ctx.now,
      ),
    ];
  },
  ...Object.fromEntries(
    (['PUT', 'PATCH', 'DELETE'] as const).map((method): [string, Recorder] => [
      `${method} ${PARTNER}/identitySynchronization`,
      (ctx) => {
        const before = copy(ctx.tenant.identitySynchronization.get(partnerKey(ctx)));
        return () => [
          identitySyncEvent(
            partnerKey(ctx),
            before,
            copy(ctx.tenant.identitySynchronization.get(partnerKey(ctx))),
            actorOf(ctx),
            ctx.now,
          ),
        ];
      },
    ]),
  ),
  'POST /servicePrincipals/{servicePrincipalId}/synchronization/jobs': jobChange(
    ACTIVITIES.provisioningAdd,
    (_ctx, result) => (isJsonObject(result.body) ? str(result.body.id) : ''),
  ),
  [`DELETE ${JOB}`]: jobChange(ACTIVITIES.provisioningDelete),
  [`POST ${JOB}/start`]: jobChange(ACTIVITIES.provisioningStart),
  [`POST ${JOB}/pause`]: jobChange(ACTIVITIES.provisioningPause),
  [`POST ${JOB}/restart`]: jobChange(ACTIVITIES.provisioningRestart),
  [`PUT ${JOB}/schema`]: jobChange(ACTIVITIES.provisioningScope),
  'PUT /servicePrincipals/{servicePrincipalId}/synchronization/secrets': (ctx) => {
    const keysBefore = new Set(servicePrincipalOf(ctx)?.secrets.map((s) => s.key) ?? []);
    return () => {
      const sp = servicePrincipalOf(ctx);
      if (!sp) return [];
      // Secret values are never logged; only which keys were saved.
      const keys = [...new Set([...keysBefore, ...sp.secrets.map((s) => s.key)])].sort();
      return [
        provisioningEvent(
          ACTIVITIES.provisioningCredentials,
          { id: str(sp.servicePrincipal.id), displayName: str(sp.servicePrincipal.displayName) },
          {},
          actorOf(ctx),
          ctx.now,
          keys.map((key) => ({ displayName: key, oldValue: null, newValue: null })),
        ),
      ];
    };
  },
};

/**
 * The routes with audit recording: a write that succeeds appends its directory audit events to
 * the tenant's log (and marks it changed, so exportState keeps them), even one that changed no
 * value (sandbox choice). A write that fails records nothing. Reads and writes outside these settings pass through untouched.
 */
export function withAuditRecording(routes: readonly Route[]): Route[] {
  return routes.map((route) => {
    const recorder = RECORDERS[`${route.method} ${route.path}`];
    if (!recorder) return route;
    return {
      ...route,
      handle: (ctx) => {
        const finish = recorder(ctx);
        const result = route.handle(ctx);
        if (result.status < 300) {
          const events = finish(result);
          if (events.length > 0) {
            // Events keep the order of the writes even when the clock has not moved (a frozen
            // test clock, several writes in one $batch): each is at least 1 ms after the last.
            let last = ctx.tenant.audits.all()[0]?.ms ?? -Infinity;
            const timed = events.map((e) => ({ ...e, at: (last = Math.max(e.at, last + 1)) }));
            ctx.tenant.audits.append(timed.map((e) => directoryAudit(e, liveIds)));
            ctx.changed('audit');
          }
        }
        return result;
      },
    };
  });
}
