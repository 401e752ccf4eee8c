/**
 * The matching attributes of a synchronization schema: the attribute mappings with a matching
 * priority, by which the service pairs source objects with existing target objects. Changing or
 * removing one makes the next cycle create duplicates or lose track of synced users, so a push of
 * the schema must keep them as they are.
 */
interface SchemaLike {
  synchronizationRules?:
    | {
        name?: string | null;
        objectMappings?:
          | {
              name?: string | null;
              attributeMappings?:
                | {
                    targetAttributeName?: string | null;
                    matchingPriority?: number | null;
                    source?: unknown;
                  }[]
                | null;
            }[]
          | null;
      }[]
    | null;
}

export interface MatchingAttribute {
  readonly rule: string;
  readonly objectMapping: string;
  readonly targetAttribute: string;
  /** The mapping as JSON with sorted keys, to compare whole whatever the key order of the document. */
  readonly mapping: string;
}

export function matchingAttributes(schema: SchemaLike): MatchingAttribute[] {
  const out: MatchingAttribute[] = [];
  for (const rule of schema.synchronizationRules ?? []) {
    for (const om of rule.objectMappings ?? []) {
      for (const am of om.attributeMappings ?? []) {
        if ((am.matchingPriority ?? 0) > 0) {
          out.push({
            rule: rule.name ?? '',
            objectMapping: om.name ?? '',
            targetAttribute: am.targetAttributeName ?? '',
            mapping: stableJson({ source: am.source, matchingPriority: am.matchingPriority }),
          });
        }
      }
    }
  }
  return out;
}

/** Matching attributes of `live` that `draft` removes or changes, in words; empty when they are all kept. */
export function changedMatchingAttributes(live: SchemaLike, draft: SchemaLike): string[] {
  const kept = new Map(
    matchingAttributes(draft).map((m) => [
      `${m.rule}/${m.objectMapping}/${m.targetAttribute}`,
      m.mapping,
    ]),
  );
  return matchingAttributes(live)
    .filter((m) => kept.get(`${m.rule}/${m.objectMapping}/${m.targetAttribute}`) !== m.mapping)
    .map(
      (m) =>
        `${m.objectMapping || m.rule}: the matching attribute ${m.targetAttribute} ${kept.has(`${m.rule}/${m.objectMapping}/${m.targetAttribute}`) ? 'is changed' : 'is removed'}`,
    );
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
