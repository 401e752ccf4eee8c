// The fault tier's ledger: every test counts the faults it injected and any data it found lost,
// and the tier's reporter (test/support/faultReporter.js) prints the totals and fails the tier
// when anything was lost. A test also asserts its own outcome; the ledger is the tier's summary.

interface Ledger {
  readonly injected: Map<string, number>;
  readonly lost: string[];
}

const KEY = '__crossTenantFaultLedger';

function ledger(): Ledger {
  const g = globalThis as unknown as Record<string, Ledger | undefined>;
  return (g[KEY] ??= { injected: new Map(), lost: [] });
}

/** Counts `count` injected faults of one kind ("dropped connection", "429", …). */
export function faultInjected(kind: string, count = 1): void {
  const l = ledger();
  l.injected.set(kind, (l.injected.get(kind) ?? 0) + count);
}

/** Records data that a fault lost or overwrote (an edit, a draft, a colleague's change). */
export function dataLost(what: string): void {
  ledger().lost.push(what);
}
