import { DOCUMENTED_OUTSIDE_METADATA } from './allowlists';
import { elementType, isCollection, type Metadata, nameList, shortName } from './metadata';

/** Requests must be pure v1.0; responses may also carry the documented extras (allowlists.ts). */
export type Direction = 'request' | 'response';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_OF_DAY = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const DURATION = /^-?P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const INTEGER_TYPES = new Set(['Edm.Byte', 'Edm.SByte', 'Edm.Int16', 'Edm.Int32', 'Edm.Int64']);
const DECIMAL_TYPES = new Set(['Edm.Single', 'Edm.Double', 'Edm.Decimal']);

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The problem with a primitive value of an Edm type, if any. */
function primitiveProblem(value: unknown, type: string): string | undefined {
  const want = (ok: boolean, what: string): string | undefined =>
    ok ? undefined : `${describe(value)} is not ${what} (${type})`;
  const isString = typeof value === 'string';
  switch (type) {
    case 'Edm.String':
      return want(isString, 'a string');
    case 'Edm.Boolean':
      return want(typeof value === 'boolean', 'a boolean');
    case 'Edm.Guid':
      return want(isString && GUID.test(value), 'a GUID');
    case 'Edm.DateTimeOffset':
      return want(
        isString && DATE_TIME_OFFSET.test(value) && !Number.isNaN(Date.parse(value)),
        'a date and time with an offset',
      );
    case 'Edm.Date':
      return want(isString && DATE.test(value), 'a date');
    case 'Edm.TimeOfDay':
      return want(isString && TIME_OF_DAY.test(value), 'a time of day');
    case 'Edm.Duration':
      return want(isString && DURATION.test(value) && value !== 'P', 'an ISO 8601 duration');
    case 'Edm.Binary':
      return want(isString && BASE64.test(value), 'base64');
    default:
      if (INTEGER_TYPES.has(type)) return want(Number.isInteger(value), 'an integer');
      if (DECIMAL_TYPES.has(type))
        return want(
          typeof value === 'number' || value === 'NaN' || value === 'INF' || value === '-INF',
          'a number',
        );
      // Edm.Stream, Edm.Untyped, geography and geometry: any JSON.
      return undefined;
  }
}

/**
 * Checks a JSON value against a v1.0 type, recursively: structural and navigation properties of
 * structured types (with `@odata.type` casts to derived types), enum members (flags enums as
 * comma-separated members), primitive kinds, collections and non-nullable properties. Pushes
 * `where: problem` lines into `out`.
 */
export class ValueChecker {
  private readonly extras = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly metadata: Metadata,
    private readonly direction: Direction,
  ) {}

  check(
    value: unknown,
    type: string,
    where: string,
    out: string[],
    nullable: boolean = true,
  ): void {
    if (value === null) {
      // OData has no null collections, but Graph documents them in answers: an organization read
      // with User.Read alone has every property but id, displayName and verifiedDomains null.
      if (isCollection(type) && this.direction === 'request')
        out.push(`${where}: null is not a collection (${shortName(type)})`);
      else if (!isCollection(type) && !nullable)
        out.push(`${where}: null for a non-nullable ${shortName(type)}`);
      return;
    }
    if (isCollection(type)) {
      if (!Array.isArray(value)) {
        out.push(`${where}: ${describe(value)} is not an array (${shortName(type)})`);
        return;
      }
      const inner = elementType(type);
      value.forEach((item, i) => this.check(item, inner, `${where}[${i}]`, out, nullable));
      return;
    }
    if (type.startsWith('Edm.')) {
      const problem = primitiveProblem(value, type);
      if (problem) out.push(`${where}: ${problem}`);
      return;
    }
    const enumDef = this.metadata.enumType(type);
    if (enumDef) {
      this.checkEnum(value, type, enumDef.flags, enumDef.members, where, out);
      return;
    }
    if (!this.metadata.structured(type)) {
      out.push(
        `${where}: the type ${shortName(type)} is outside the extract (add its path to ENTRY_PATHS in scripts/extract-graph-metadata.mjs and rerun it)`,
      );
      return;
    }
    this.checkStructured(value, type, where, out);
  }

  private checkEnum(
    value: unknown,
    type: string,
    flags: boolean,
    members: readonly string[],
    where: string,
    out: string[],
  ): void {
    const list = (): string => `${shortName(type)}: ${nameList(members)}`;
    if (typeof value !== 'string') {
      out.push(`${where}: ${describe(value)} is not a member name of ${list()}`);
      return;
    }
    if (!flags) {
      if (!members.includes(value)) out.push(`${where}: "${value}" is not a member of ${list()}`);
      return;
    }
    const parts = value.split(',').map((p) => p.trim());
    const bad = parts.filter((p) => !members.includes(p));
    if (bad.length > 0)
      out.push(
        `${where}: "${value}" is not a comma-separated list of members of the flags enum ${list()} (${bad.map((b) => `"${b}"`).join(', ')})`,
      );
  }

  private checkStructured(value: unknown, declared: string, where: string, out: string[]): void {
    if (!isObject(value)) {
      out.push(`${where}: ${describe(value)} is not an object (${shortName(declared)})`);
      return;
    }
    let type = declared;
    const cast = value['@odata.type'];
    if (cast !== undefined) {
      const named = typeof cast === 'string' ? cast.replace(/^#/, '') : '';
      if (!this.metadata.structured(named) || !this.metadata.isSubtype(named, declared)) {
        out.push(
          `${where}.@odata.type: ${describe(cast)} is not ${shortName(declared)} or a type derived from it`,
        );
        return;
      }
      type = named;
    }
    const extras = this.direction === 'response' ? this.documentedExtras(type) : undefined;
    for (const [key, item] of Object.entries(value)) {
      // Instance and property annotations (@odata.context, x@odata.bind, …) are not properties.
      if (key.includes('@')) continue;
      const at = `${where === '' ? '' : `${where}.`}${key}`;
      const member = this.metadata.member(type, key);
      if (member) {
        this.check(item, member.def.type, at, out, member.def.nullable !== false);
        continue;
      }
      if (this.isDynamic(type, key) || extras?.has(key)) continue;
      out.push(
        `${at}: not a property of ${shortName(type)} in v1.0${this.metadata.hint(type, key)}`,
      );
    }
  }

  /**
   * Whether an open type admits `key` as a dynamic property. Open complex types (detailsInfo,
   * the identity types) take any name. The open entity types are directory objects, whose only
   * documented dynamic properties are extensions: directory extensions `extension_<appId>_<name>`
   * and schema extensions `<owner prefix>_<name>`. No v1.0 or beta property name has an
   * underscore, so a camelCase name outside the metadata is a beta or made-up property, not an
   * extension.
   */
  private isDynamic(type: string, key: string): boolean {
    if (!this.metadata.isOpen(type)) return false;
    return this.metadata.structured(type)?.kind === 'complex' || /^[A-Za-z0-9]+_\w+$/.test(key);
  }

  private documentedExtras(type: string): ReadonlySet<string> {
    let extras = this.extras.get(type);
    if (!extras) {
      extras = new Set(
        this.metadata
          .lineage(type)
          .flatMap((t) => Object.keys(DOCUMENTED_OUTSIDE_METADATA[t] ?? {})),
      );
      this.extras.set(type, extras);
    }
    return extras;
  }
}
