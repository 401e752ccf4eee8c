/**
 * What a search-as-you-type pick keeps and returns, apart from VS Code's quick pick so it can be
 * checked on its own (host/vscodeUserInput uses it).
 */

/**
 * The items to show after a new search: those checked before, then what was found that is not
 * one of them. Items are told apart by `key` (an object id), not by label: two users may have
 * the same display name, and both must stay choosable.
 */
export function keepChosen<I>(
  chosen: readonly I[],
  found: readonly I[],
  key: (item: I) => string,
): I[] {
  const kept = new Set(chosen.map(key));
  return [...chosen, ...found.filter((f) => !kept.has(key(f)))];
}

/**
 * What Enter chooses: in a multi-select, the checked items, or the highlighted one when none is
 * checked (Enter on a result must not close the pick and do nothing); otherwise the highlighted one.
 */
export function acceptedItems<I>(
  canPickMany: boolean,
  checked: readonly I[],
  highlighted: readonly I[],
): readonly I[] {
  return canPickMany && checked.length ? checked : highlighted;
}
