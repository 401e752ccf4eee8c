import { elementType, isCollection, type Metadata, NAMESPACE, shortName } from './metadata';

export type MemberPathResult =
  | { readonly type: string; readonly navigation: boolean; readonly problem?: undefined }
  | { readonly problem: string };

/**
 * Walks a property path (`servicePrincipal/id`, `microsoft.graph.user/mail`) from a structured
 * type: casts, structural properties (through complex values) and navigation properties. Only the
 * last segment may be collection-valued. Returns the last segment's declared type.
 */
export function walkMemberPath(
  metadata: Metadata,
  start: string,
  segments: readonly string[],
): MemberPathResult {
  let type = start;
  let navigation = false;
  // A one-segment path is named by the problem itself.
  const path = segments.length > 1 ? `${segments.join('/')}: ` : '';
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (isCollection(type))
      return {
        problem: `${path}${segments[i - 1]} is a collection (${shortName(type)}); only any() or all() can look inside it`,
      };
    if (!metadata.structured(type))
      return metadata.isKnownType(type)
        ? {
            problem: `${path}${segments[i - 1]} is a ${shortName(type)}, which has no ${segment}`,
          }
        : { problem: `${path}the type ${shortName(type)} is outside the extract` };
    if (segment.startsWith(`${NAMESPACE}.`)) {
      if (!metadata.structured(segment) || !metadata.isSubtype(segment, type))
        return { problem: `${path}${segment} is not a type derived from ${shortName(type)}` };
      type = segment;
      continue;
    }
    const member = metadata.member(type, segment);
    if (!member)
      return {
        problem: `${path}${segment} is not a property of ${shortName(type)} in v1.0${metadata.hint(type, segment)}`,
      };
    navigation = member.kind === 'navigation';
    type = member.def.type;
    if (navigation && !metadata.structured(elementType(type)))
      return {
        problem: `${path}the navigation ${segment} leads to ${shortName(type)}, which is outside the extract (add the path to ENTRY_PATHS in scripts/extract-graph-metadata.mjs and rerun it)`,
      };
  }
  return { type, navigation };
}
