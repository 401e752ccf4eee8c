import type { GraphClient } from '../graph/graphClient';
import type { RateLimiter } from '../sync/rateLimiter';
import { decodeAuditEvent } from './decodeAuditEvent';
import type { HistoryEntry } from './historyEntry';
import { AUDIT_RETENTION_DAYS, loadDirectoryAudits, type AuditWindow } from './loadDirectoryAudits';

const DAY = 86_400_000;

/** The last `days` days up to `now`, within the 30 days Entra keeps (at least one day). */
export function historyWindow(now: Date, days: number): AuditWindow {
  const span = Math.min(AUDIT_RETENTION_DAYS, Math.max(1, Math.floor(days)));
  return { from: new Date(now.getTime() - span * DAY), to: now };
}

export interface LoadHistoryRequest {
  readonly client: GraphClient;
  readonly limiter: RateLimiter;
  readonly window: AuditWindow;
  readonly signal?: AbortSignal;
  /** Entries of each page as they are decoded, for a view that fills as pages arrive. */
  readonly onEntries?: (entries: readonly HistoryEntry[]) => void;
}

export interface TenantHistory {
  readonly tenantId: string;
  /** Newest first. */
  readonly entries: HistoryEntry[];
  readonly requests: number;
  readonly truncated: boolean;
}

/** One tenant's history of cross-tenant settings and sync configurations for a window, decoded. */
export async function loadHistory(request: LoadHistoryRequest): Promise<TenantHistory> {
  const tenantId = request.client.tenantId;
  const decode = (events: readonly Parameters<typeof decodeAuditEvent>[0][]): HistoryEntry[] =>
    events
      .map((e) => decodeAuditEvent(e, tenantId))
      .filter((e): e is HistoryEntry => e !== undefined);
  const result = await loadDirectoryAudits({
    client: request.client,
    limiter: request.limiter,
    window: request.window,
    signal: request.signal,
    onPage: request.onEntries && ((events) => request.onEntries!(decode(events))),
  });
  return {
    tenantId: tenantId.toLowerCase(),
    entries: decode(result.events),
    requests: result.requests,
    truncated: result.truncated,
  };
}

/** The clients a history read needs per tenant. */
export interface HistorySource {
  readonly client: GraphClient;
  readonly limiter: RateLimiter;
}

/**
 * Every tenant's history for one window, read in parallel (each tenant has its own reports limit).
 * A tenant whose read fails is reported with its error and does not stop the others; a cancel stops all.
 */
export async function loadHistories(
  sources: readonly HistorySource[],
  window: AuditWindow,
  signal?: AbortSignal,
  onEntries?: (tenantId: string, entries: readonly HistoryEntry[]) => void,
): Promise<(TenantHistory | { readonly tenantId: string; readonly error: unknown })[]> {
  return Promise.all(
    sources.map(async ({ client, limiter }) => {
      try {
        return await loadHistory({
          client,
          limiter,
          window,
          signal,
          onEntries: onEntries && ((entries) => onEntries(client.tenantId.toLowerCase(), entries)),
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        return { tenantId: client.tenantId.toLowerCase(), error };
      }
    }),
  );
}
