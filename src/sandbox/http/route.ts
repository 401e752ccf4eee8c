import type { SandboxAnswers } from '../answers';
import type { PermissionRule, Principal } from '../auth/permissions';
import type { Json, JsonObject } from '../json';
import type { QueryOptions, SystemQueryOption } from '../odata/queryOptions';
import type { StoreSection, TenantStore } from '../store/tenantStore';
import type { World } from '../store/world';

export type RouteMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type GraphVersion = 'v1.0' | 'beta';

/** Rate limits Graph applies per tenant (graph-api.md §0). */
export type ThrottleClass = 'identityReports' | 'provisionOnDemand';

/** What a route handler gets: the caller's tenant and identity, parameters, and access to the body. */
export interface RouteContext {
  readonly world: World;
  readonly tenant: TenantStore;
  readonly principal: Principal;
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryOptions;
  readonly headers: Readonly<Record<string, string>>;
  /** `<origin>/v1.0` (or `/beta`): the base of `@odata.context`. */
  readonly baseUrl: string;
  /** The absolute URL of this request (inner batch requests included), the base of `@odata.nextLink`. */
  readonly url: URL;
  readonly now: number;
  /** How much faster sandbox sync time runs (1 = real time); divides cycle delays and intervals. */
  readonly timeCompression: number;
  /** Which of the plausible answers to give where Microsoft leaves one open (see answers.ts). */
  readonly answers: SandboxAnswers;
  /** The body as a JSON object; 400 when it is missing or not an object. */
  body(): JsonObject;
  /** The body as a JSON object, or undefined when the request has none. */
  optionalBody(): JsonObject | undefined;
  /** Records that the handler changed a section of the caller's (or another) tenant. */
  changed(section: StoreSection, tenantId?: string): void;
}

export interface RouteResult {
  readonly status: number;
  readonly body?: Json;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One Graph operation. `path` has `{param}` segments and function segments like `fn(name={param})`. */
export interface Route {
  readonly method: RouteMethod;
  readonly path: string;
  readonly permission: PermissionRule;
  readonly throttle?: ThrottleClass;
  /**
   * The Graph versions that have the operation; absent = both. A beta-only resource answers
   * under /v1.0 as Graph does for a segment it does not know.
   */
  readonly versions?: readonly GraphVersion[];
  /** System query options the operation supports; any other `$` option is a 400. */
  readonly query?: readonly SystemQueryOption[];
  readonly handle: (ctx: RouteContext) => RouteResult;
}

export function ok(body: Json): RouteResult {
  return { status: 200, body };
}

export function created(body: Json): RouteResult {
  return { status: 201, body };
}

export const noContent: RouteResult = { status: 204 };

/** The `@odata.context` annotation for a metadata fragment such as `servicePrincipals/$entity`. */
export function odataContext(ctx: RouteContext, fragment: string): string {
  return `${ctx.baseUrl}/$metadata#${fragment}`;
}
