import { BETA_ALLOWLIST, type BetaAllowance } from './allowlists';
import { ValueChecker } from './checkValue';
import { elementType, isCollection, Metadata, shortName } from './metadata';
import { queryProblems } from './queryOptions';
import { type PathTarget, resolvePath } from './resolvePath';

/** One request and, when there was one, its answer. */
export interface Exchange {
  readonly method: string;
  /** Absolute URL as sent. */
  readonly url: string;
  /** The request body as text; undefined or '' when there was none. */
  readonly requestBody?: string | null;
  readonly status?: number;
  /** The parsed JSON answer; undefined or null when there was none. */
  readonly responseBody?: unknown;
}

export interface ExchangeReport {
  /** `GET /policies/crossTenantAccessPolicy/partners`; batch items as `$batch › GET …`. */
  readonly templates: string[];
  /** Each names the method, the path and the exact problem. */
  readonly violations: string[];
  /** Set for an allowlisted /beta request: what the allowlist says, nothing was checked. */
  readonly unchecked?: string;
}

interface RequestCheck {
  readonly template: string;
  readonly target?: PathTarget;
  readonly problems: string[];
}

const VERSIONS = ['v1.0', 'beta'];
const METHODS: Record<string, readonly string[]> = {
  collection: ['GET', 'POST'],
  entity: ['GET', 'PATCH', 'PUT', 'DELETE'],
  singleton: ['GET', 'PATCH', 'PUT'],
  property: ['GET', 'PUT', 'PATCH'],
  action: ['POST'],
  function: ['GET'],
  count: ['GET'],
  value: ['GET', 'PUT'],
  ref: ['GET', 'POST', 'PUT', 'DELETE'],
  batch: ['POST'],
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function splitSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

function betaMatch(
  allowlist: readonly BetaAllowance[],
  method: string,
  segments: readonly string[],
): string | undefined {
  const entry = allowlist.find((a) => {
    const pattern = a.path.split('/').filter(Boolean);
    return (
      a.method === method &&
      pattern.length === segments.length &&
      pattern.every((p, i) => p === '{}' || p === segments[i])
    );
  });
  return entry?.reason;
}

/**
 * Checks requests and their answers against Microsoft's v1.0 metadata (the extract in
 * test/fixtures/graph-metadata): the path resolves, the method fits what it addresses, the body
 * uses only the target type's properties or the action's parameters with the right kinds, query
 * options name real property paths, `$batch` items are checked one by one, and every 2xx JSON
 * answer uses only v1.0 names for the type of that path.
 */
export class ContractChecker {
  private readonly requests: ValueChecker;
  private readonly responses: ValueChecker;

  constructor(
    readonly metadata: Metadata = Metadata.load(),
    private readonly betaAllowlist: readonly BetaAllowance[] = BETA_ALLOWLIST,
  ) {
    this.requests = new ValueChecker(metadata, 'request');
    this.responses = new ValueChecker(metadata, 'response');
  }

  check(exchange: Exchange): ExchangeReport {
    const url = new URL(exchange.url);
    const method = exchange.method.toUpperCase();
    const [version, ...segments] = splitSegments(url.pathname);
    const where = `${method} ${url.pathname}`;
    if (version === undefined || !VERSIONS.includes(version))
      return {
        templates: [],
        violations: [`${where}: the path does not start with /v1.0 or /beta`],
      };
    if (version === 'beta') {
      const reason = betaMatch(this.betaAllowlist, method, segments);
      const template = `${method} /beta/${segments.join('/')}`;
      return reason
        ? { templates: [template], violations: [], unchecked: reason }
        : {
            templates: [template],
            violations: [
              `${where}: /beta is not in the allowlist (test/contract/allowlists.ts BETA_ALLOWLIST): use v1.0, or add the path with the reason v1.0 cannot serve it`,
            ],
          };
    }
    let body: unknown;
    const text = exchange.requestBody ?? '';
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        return { templates: [], violations: [`${where}: the body is not JSON`] };
      }
    }
    const request = this.checkRequest(method, segments, url.searchParams, body);
    const violations = request.problems.map((p) => `${where}: ${p}`);
    const templates = [`${method} ${request.template}`];
    if (request.target?.kind === 'batch') {
      const batch = this.checkBatch(body, exchange.responseBody);
      templates.push(...batch.templates);
      violations.push(...batch.violations.map((v) => `${where} › ${v}`));
    } else if (request.target && ok(exchange.status)) {
      violations.push(
        ...this.responseProblems(request.target, method, exchange.responseBody).map(
          (p) => `${where}: answer${p}`,
        ),
      );
    }
    return { templates, violations };
  }

  private checkRequest(
    method: string,
    segments: readonly string[],
    query: URLSearchParams,
    body: unknown,
  ): RequestCheck {
    const resolution = resolvePath(this.metadata, segments);
    const { target, template } = resolution;
    const problems = [...resolution.problems];
    if (!target) return { template, problems };
    const kind = target.kind === 'entity' && target.singleton ? 'singleton' : target.kind;
    if (!METHODS[kind].includes(method)) {
      problems.push(
        `${method} does not fit ${describeTarget(target)} (${METHODS[kind].join(', ')})`,
      );
      return { template, target, problems };
    }
    if (target.kind !== 'batch') problems.push(...this.bodyProblems(target, method, body));
    const options = new Map([...query].filter(([name]) => name !== ''));
    const scope = queryScope(this.metadata, target);
    if (scope)
      problems.push(...queryProblems(this.metadata, scope.type, options, scope.collection));
    else if (options.size > 0)
      problems.push(
        `${[...options.keys()].join(', ')}: no query options on ${describeTarget(target)}`,
      );
    return { template, target, problems };
  }

  private bodyProblems(target: PathTarget, method: string, body: unknown): string[] {
    const out: string[] = [];
    if (method === 'GET' || method === 'DELETE') {
      if (body !== undefined) out.push(`body: a ${method} carries no body`);
      return out;
    }
    switch (target.kind) {
      case 'collection':
      case 'entity':
        if (!isObject(body)) out.push(`body: a ${shortName(target.type)} object is required`);
        else this.requests.check(body, target.type, 'body', out);
        break;
      case 'property':
        if (!isCollection(target.type) && this.metadata.structured(target.type))
          this.requests.check(body, target.type, 'body', out);
        else if (
          !isObject(body) ||
          Object.keys(body).some((k) => k !== 'value' && !k.includes('@'))
        )
          out.push(`body: a ${shortName(target.type)} property is sent as {"value": …}`);
        else this.requests.check(body.value, target.type, 'body.value', out);
        break;
      case 'action': {
        const { parameters, name } = target.operation;
        if (body === undefined) break;
        if (!isObject(body)) {
          out.push(`body: the parameters of ${shortName(name)} are sent as one JSON object`);
          break;
        }
        for (const [key, value] of Object.entries(body)) {
          const parameter = parameters[key];
          if (!parameter)
            out.push(
              `body.${key}: not a parameter of the action ${shortName(name)} (it has ${Object.keys(parameters).join(', ') || 'none'})`,
            );
          else
            this.requests.check(
              value,
              parameter.type,
              `body.${key}`,
              out,
              parameter.nullable !== false,
            );
        }
        break;
      }
      default:
        if (body !== undefined) out.push(`body: ${describeTarget(target)} takes no body`);
    }
    return out;
  }

  /** Problems of a 2xx answer, each starting with the location inside the body. */
  private responseProblems(target: PathTarget, method: string, body: unknown): string[] {
    if (body === undefined || body === null) return [];
    const shape = answerShape(this.metadata, target, method);
    if (!shape) return [];
    const out: string[] = [];
    if (!shape.wrapped) {
      this.responses.check(body, shape.type, '', out);
      return out.map((p) => (p.startsWith(':') ? p : ` ${p}`));
    }
    if (!isObject(body)) return [`: ${JSON.stringify(body).slice(0, 40)} is not {"value": …}`];
    for (const key of Object.keys(body))
      if (key !== 'value' && !key.includes('@'))
        out.push(`${key}: not part of a {"value": …} answer`);
    this.responses.check(body.value, shape.type, 'value', out);
    return out.map((p) => ` ${p}`);
  }

  private checkBatch(
    body: unknown,
    answer: unknown,
  ): { templates: string[]; violations: string[] } {
    const templates: string[] = [];
    const violations: string[] = [];
    if (!isObject(body) || !Array.isArray(body.requests)) {
      violations.push('body: a $batch body is {"requests": [...]}');
      return { templates, violations };
    }
    for (const key of Object.keys(body))
      if (key !== 'requests') violations.push(`body.${key}: not part of a $batch body`);
    const answers = new Map<string, Record<string, unknown>>();
    if (isObject(answer) && Array.isArray(answer.responses))
      for (const r of answer.responses) if (isObject(r)) answers.set(String(r.id).toLowerCase(), r);
    (body.requests as unknown[]).forEach((item, index) => {
      const label = `item ${index + 1}`;
      if (!isObject(item)) {
        violations.push(`${label}: not an object`);
        return;
      }
      for (const key of Object.keys(item))
        if (
          !['id', 'method', 'url', 'headers', 'body', 'dependsOn', 'atomicityGroup'].includes(key)
        )
          violations.push(`${label}: ${key} is not a $batch request member`);
      const method = typeof item.method === 'string' ? item.method.toUpperCase() : '';
      const raw = typeof item.url === 'string' ? item.url : '';
      if (typeof item.id !== 'string' || item.id === '') violations.push(`${label}: no string id`);
      if (!method || !raw) {
        violations.push(`${label}: needs a method and a url`);
        return;
      }
      if (/^[a-z]+:/i.test(raw)) {
        violations.push(`${label}: ${method} ${raw}: $batch urls are relative`);
        return;
      }
      const relative = new URL(raw.replace(/^\/?/, '/'), 'http://batch.invalid');
      const segments = splitSegments(relative.pathname);
      const where = `${label}: ${method} ${relative.pathname}`;
      if (VERSIONS.includes(segments[0] ?? '')) {
        violations.push(`${where}: $batch urls do not repeat the version`);
        return;
      }
      const headers = isObject(item.headers) ? item.headers : {};
      if (
        item.body !== undefined &&
        !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')
      )
        violations.push(`${where}: an item with a body needs its own Content-Type header`);
      const request = this.checkRequest(method, segments, relative.searchParams, item.body);
      templates.push(`$batch › ${method} ${request.template}`);
      violations.push(...request.problems.map((p) => `${where}: ${p}`));
      if (request.target?.kind === 'batch') violations.push(`${where}: batches do not nest`);
      const itemAnswer =
        typeof item.id === 'string' ? answers.get(item.id.toLowerCase()) : undefined;
      if (request.target && itemAnswer && ok(Number(itemAnswer.status)))
        violations.push(
          ...this.responseProblems(request.target, method, itemAnswer.body).map(
            (p) => `${where}: answer${p}`,
          ),
        );
    });
    return { templates, violations };
  }
}

function ok(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

function describeTarget(target: PathTarget): string {
  switch (target.kind) {
    case 'collection':
      return `a collection of ${shortName(target.type)}`;
    case 'entity':
      return target.singleton
        ? `the singleton ${shortName(target.type)}`
        : `an entity ${shortName(target.type)}`;
    case 'property':
      return `a property of type ${shortName(target.type)}`;
    case 'action':
    case 'function':
      return `the ${target.kind} ${shortName(target.operation.name)}`;
    default:
      return target.kind === 'batch' ? '$batch' : `$${target.kind}`;
  }
}

/** The structured type query options apply to, if any. */
function queryScope(
  metadata: Metadata,
  target: PathTarget,
): { type: string; collection: boolean } | undefined {
  switch (target.kind) {
    case 'collection':
      return { type: target.type, collection: true };
    case 'entity':
      return { type: target.type, collection: false };
    case 'property':
    case 'function': {
      const type = target.kind === 'property' ? target.type : target.operation.returnType;
      if (!type || !metadata.structured(elementType(type))) return undefined;
      return { type: elementType(type), collection: isCollection(type) };
    }
    default:
      return undefined;
  }
}

/** What a 2xx answer holds: a value of `type`, directly or as `{"value": …}`. */
function answerShape(
  metadata: Metadata,
  target: PathTarget,
  method: string,
): { type: string; wrapped: boolean } | undefined {
  const single = (type: string): { type: string; wrapped: boolean } => ({
    type,
    wrapped: isCollection(type) || !metadata.structured(type),
  });
  switch (target.kind) {
    case 'collection':
      return method === 'GET'
        ? { type: `Collection(${target.type})`, wrapped: true }
        : { type: target.type, wrapped: false };
    case 'entity':
      return { type: target.type, wrapped: false };
    case 'property':
      return method === 'GET' ? single(target.type) : undefined;
    case 'action':
    case 'function':
      return target.operation.returnType ? single(target.operation.returnType) : undefined;
    default:
      return undefined;
  }
}
