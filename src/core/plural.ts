/**
 * A count with its noun, in English: "1 change", "0 changes", "3 changes"; `many` where the plural
 * is not the noun with an s ("1 property", "2 properties").
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
