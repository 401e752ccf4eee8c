import { gatewayBadRequest, ErrorResponse } from '../errors';
import { parseFunctionSegment } from '../odata/literal';
import type { GraphVersion, Route } from './route';

type SegmentPattern =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'param'; readonly name: string }
  | {
      readonly kind: 'function';
      readonly name: string;
      readonly arg: string;
      readonly param: string;
    };

interface CompiledRoute {
  readonly route: Route;
  readonly segments: readonly SegmentPattern[];
}

function compile(path: string): SegmentPattern[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((s): SegmentPattern => {
      const fn = /^([A-Za-z]+)\(([A-Za-z]+)=\{([A-Za-z]+)\}\)$/.exec(s);
      if (fn)
        return {
          kind: 'function',
          name: fn[1].toLowerCase(),
          arg: fn[2].toLowerCase(),
          param: fn[3],
        };
      const param = /^\{([A-Za-z]+)\}$/.exec(s);
      if (param) return { kind: 'param', name: param[1] };
      return { kind: 'literal', text: s.toLowerCase() };
    });
}

/** Matches one segment; returns the parameters it binds, or undefined. Path segments are case-insensitive in Graph. */
function matchSegment(
  pattern: SegmentPattern,
  segment: string,
): Record<string, string> | undefined {
  switch (pattern.kind) {
    case 'literal':
      return segment.toLowerCase() === pattern.text ? {} : undefined;
    case 'param':
      return segment.includes('(') ? undefined : { [pattern.name]: segment };
    case 'function': {
      if (!segment.toLowerCase().startsWith(`${pattern.name}(`)) return undefined;
      const call = parseFunctionSegment(segment);
      const value = call && [...call.args].find(([k]) => k.toLowerCase() === pattern.arg)?.[1];
      if (value === undefined)
        throw gatewayBadRequest(`The function '${segment}' needs the parameter '${pattern.arg}'.`);
      return { [pattern.param]: value };
    }
  }
}

export interface RouteMatch {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
}

/** Finds the operation for a version-less path; unknown paths are Graph's 400, wrong methods 405. */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.routes = routes.map((route) => ({ route, segments: compile(route.path) }));
  }

  match(method: string, segments: readonly string[], version: GraphVersion): RouteMatch {
    let deepest = 0;
    let pathMatched = false;
    for (const { route, segments: patterns } of this.routes) {
      if (route.versions && !route.versions.includes(version)) continue;
      const params: Record<string, string> = {};
      let i = 0;
      for (; i < patterns.length && i < segments.length; i++) {
        const bound = matchSegment(patterns[i], segments[i]);
        if (!bound) break;
        Object.assign(params, bound);
      }
      deepest = Math.max(deepest, i);
      if (i !== patterns.length || i !== segments.length) continue;
      pathMatched = true;
      if (route.method === method) return { route, params };
    }
    if (pathMatched)
      throw new ErrorResponse(
        405,
        'BadRequest',
        `Specified HTTP method '${method}' is not allowed for the request uri.`,
      );
    const segment = segments[Math.min(deepest, segments.length - 1)] ?? '';
    throw gatewayBadRequest(`Resource not found for the segment '${segment}'.`);
  }
}
