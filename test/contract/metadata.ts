import * as fs from 'node:fs';
import * as path from 'node:path';

/** The extract scripts/extract-graph-metadata.mjs writes from Microsoft's v1.0 CSDL. */
export const EXTRACT_FILE = path.join(
  __dirname,
  '..',
  'fixtures',
  'graph-metadata',
  'v1.0-extract.json',
);

export interface PropertyDef {
  /** Fully qualified: `Edm.String`, `microsoft.graph.user`, `Collection(microsoft.graph.appRole)`. */
  readonly type: string;
  /** Absent means nullable, as in CSDL. */
  readonly nullable?: false;
}

export interface ParameterDef extends PropertyDef {
  readonly optional?: true;
}

export interface StructuredTypeDef {
  readonly kind: 'entity' | 'complex';
  readonly baseType?: string;
  readonly abstract?: true;
  readonly open?: true;
  readonly key?: readonly string[];
  readonly properties: Readonly<Record<string, PropertyDef>>;
  readonly navigationProperties: Readonly<Record<string, PropertyDef>>;
  /** Names of every action and function v1.0 binds to this entity type (details only for those extracted). */
  readonly boundOperations?: readonly string[];
}

export interface EnumDef {
  readonly flags: boolean;
  readonly members: readonly string[];
}

export interface OperationDef {
  readonly kind: 'action' | 'function';
  /** Qualified: `microsoft.graph.restart`. */
  readonly name: string;
  /** The binding parameter's type: `microsoft.graph.synchronizationJob` or `Collection(…)`. */
  readonly bindingType: string;
  readonly parameters: Readonly<Record<string, ParameterDef>>;
  readonly returnType?: string;
}

export interface MetadataSource {
  readonly repository: string;
  readonly commit: string;
  readonly path: string;
  readonly sha256: string;
}

export interface MetadataExtract {
  readonly source: MetadataSource;
  readonly entryPaths: readonly string[];
  readonly entitySets: Readonly<Record<string, string>>;
  readonly singletons: Readonly<Record<string, string>>;
  readonly types: Readonly<Record<string, StructuredTypeDef>>;
  readonly enums: Readonly<Record<string, EnumDef>>;
  readonly operations: readonly OperationDef[];
}

export type Member =
  | { readonly kind: 'property'; readonly name: string; readonly def: PropertyDef }
  | { readonly kind: 'navigation'; readonly name: string; readonly def: PropertyDef };

export const NAMESPACE = 'microsoft.graph';

/** `a, b, c` with at most `max` names, for messages about big enums and types. */
export function nameList(names: readonly string[], max: number = 12): string {
  return names.length <= max
    ? names.join(', ')
    : `${names.slice(0, max).join(', ')}, … (${names.length - max} more)`;
}

export function isCollection(type: string): boolean {
  return type.startsWith('Collection(');
}

export function elementType(type: string): string {
  return /^Collection\((.+)\)$/.exec(type)?.[1] ?? type;
}

/** `microsoft.graph.user` → `user`, for messages. */
export function shortName(type: string): string {
  const inner = elementType(type);
  const short = inner.startsWith(`${NAMESPACE}.`) ? inner.slice(NAMESPACE.length + 1) : inner;
  return isCollection(type) ? `Collection(${short})` : short;
}

/** Lookups over the extract: inherited members, subtypes, bound operations. */
export class Metadata {
  // Answers of 1,000 log entries are checked member by member: these lookups are the hot path.
  private readonly lineages = new Map<string, readonly string[]>();
  private readonly members = new Map<string, Map<string, Member | undefined>>();

  private constructor(readonly extract: MetadataExtract) {}

  static load(file: string = EXTRACT_FILE): Metadata {
    return new Metadata(JSON.parse(fs.readFileSync(file, 'utf8')) as MetadataExtract);
  }

  get source(): MetadataSource {
    return this.extract.source;
  }

  structured(name: string): StructuredTypeDef | undefined {
    return this.extract.types[name];
  }

  enumType(name: string): EnumDef | undefined {
    return this.extract.enums[name];
  }

  /** The type and its base types, most derived first. */
  lineage(name: string): readonly string[] {
    let out = this.lineages.get(name);
    if (!out) {
      const chain: string[] = [];
      for (let t: string | undefined = name; t; t = this.structured(t)?.baseType) chain.push(t);
      this.lineages.set(name, (out = chain));
    }
    return out;
  }

  isSubtype(derived: string, base: string): boolean {
    return this.lineage(derived).includes(base);
  }

  isOpen(name: string): boolean {
    return this.lineage(name).some((t) => this.structured(t)?.open);
  }

  member(typeName: string, name: string): Member | undefined {
    let members = this.members.get(typeName);
    if (!members) this.members.set(typeName, (members = new Map()));
    if (!members.has(name)) members.set(name, this.findMember(typeName, name));
    return members.get(name);
  }

  private findMember(typeName: string, name: string): Member | undefined {
    for (const t of this.lineage(typeName)) {
      const def = this.structured(t);
      if (!def) continue;
      const property = def.properties[name];
      if (property) return { kind: 'property', name, def: property };
      const navigation = def.navigationProperties[name];
      if (navigation) return { kind: 'navigation', name, def: navigation };
    }
    return undefined;
  }

  /** Every property and navigation property name, inherited ones included (for messages). */
  memberNames(typeName: string): string[] {
    return this.lineage(typeName)
      .flatMap((t) => {
        const def = this.structured(t);
        return def
          ? [...Object.keys(def.properties), ...Object.keys(def.navigationProperties)]
          : [];
      })
      .sort();
  }

  /** ` (did you mean x?)` for a near miss in case, or the member list of a small type; else ''. */
  hint(typeName: string, name: string): string {
    const names = this.memberNames(typeName);
    const sameLetters = names.find((n) => n.toLowerCase() === name.toLowerCase());
    if (sameLetters) return ` (did you mean ${sameLetters}?)`;
    return names.length <= 16 ? ` (it has ${names.join(', ')})` : '';
  }

  /**
   * Actions and functions named `name` (plain or qualified) bound to `binding` (`T` or
   * `Collection(T)`) or to one of T's base types.
   */
  operations(name: string, binding: string): OperationDef[] {
    const plain = name.startsWith(`${NAMESPACE}.`) ? name.slice(NAMESPACE.length + 1) : name;
    const collection = isCollection(binding);
    const bindings = this.lineage(elementType(binding)).map((t) =>
      collection ? `Collection(${t})` : t,
    );
    return this.extract.operations.filter(
      (o) => o.name === `${NAMESPACE}.${plain}` && bindings.includes(o.bindingType),
    );
  }

  /** Whether v1.0 binds an operation of that name to T or a base type, extracted or not. */
  hasBoundOperationName(typeName: string, name: string): boolean {
    return this.lineage(typeName).some((t) => this.structured(t)?.boundOperations?.includes(name));
  }

  /** Whether a type name is defined in the extract at all (structured or enum). */
  isKnownType(name: string): boolean {
    return name.startsWith('Edm.') || !!this.structured(name) || !!this.enumType(name);
  }
}
