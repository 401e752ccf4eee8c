import { gatewayBadRequest } from '../errors';

/**
 * Reads an OData string literal starting at `start` (which must be a `'`): quotes inside are
 * doubled. Returns the value and the index after the closing quote, or undefined if unterminated.
 */
export function readStringLiteral(
  text: string,
  start: number,
): { value: string; end: number } | undefined {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'") {
      if (text[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += ch;
    i++;
  }
  return undefined;
}

/** A function-call path segment such as `findTenantInformationByDomainName(domainName='contoso.com')`. */
export interface FunctionSegment {
  readonly name: string;
  /** Parameter name (as written) → string value. */
  readonly args: ReadonlyMap<string, string>;
}

/**
 * Parses a function segment whose parameters are string literals. Returns undefined when the
 * segment is not a function call at all; throws 400 when it is one but its parameters are malformed
 * (for example an unquoted value, which Graph rejects for string parameters).
 */
export function parseFunctionSegment(segment: string): FunctionSegment | undefined {
  const open = segment.indexOf('(');
  if (open <= 0 || !segment.endsWith(')')) return undefined;
  const name = segment.slice(0, open);
  if (!/^[A-Za-z][A-Za-z0-9.]*$/.test(name)) return undefined;
  const inner = segment.slice(open + 1, -1);
  const args = new Map<string, string>();
  let i = 0;
  while (i < inner.length) {
    const eq = inner.indexOf('=', i);
    if (eq < 0) throw gatewayBadRequest(`Bad Request - Error in query syntax: '${segment}'.`);
    const key = inner.slice(i, eq).trim();
    let j = eq + 1;
    while (inner[j] === ' ') j++;
    if (inner[j] !== "'")
      throw gatewayBadRequest(
        `The parameter '${key}' of '${name}' must be a quoted string literal.`,
      );
    const literal = readStringLiteral(inner, j);
    if (!literal) throw gatewayBadRequest(`Unterminated string literal in '${segment}'.`);
    args.set(key, literal.value);
    i = literal.end;
    while (inner[i] === ' ') i++;
    if (i < inner.length) {
      if (inner[i] !== ',')
        throw gatewayBadRequest(`Bad Request - Error in query syntax: '${segment}'.`);
      i++;
    }
  }
  return { name, args };
}
