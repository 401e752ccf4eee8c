import type { ViewNode, ViewNodeKind } from '../tree/viewNode';

/**
 * The view node a command was run on, when it is of one of these kinds; undefined for anything
 * else (a URI, an id, nothing). Commands tell nodes apart by `kind`, never by class, so they name
 * the tree's types without importing its code (the folder rule).
 */
export function nodeArg<K extends ViewNodeKind>(
  arg: unknown,
  ...kinds: readonly K[]
): Extract<ViewNode, { kind: K }> | undefined {
  if (typeof arg !== 'object' || arg === null || !('kind' in arg)) return undefined;
  return (kinds as readonly unknown[]).includes(arg.kind)
    ? (arg as Extract<ViewNode, { kind: K }>)
    : undefined;
}
