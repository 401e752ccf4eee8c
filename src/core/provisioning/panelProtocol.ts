import type { LogFilters, LogRow, LogRowDetails, LogSort } from './logRow';

/** The configuration a panel shows; also what a restored panel is reopened from. */
export interface PanelTarget {
  readonly tenantId: string;
  readonly servicePrincipalId: string;
  /** Narrows to one job of the configuration. */
  readonly jobId?: string;
}

/** What the webview persists with `setState` and a reload restores (validated on the host). */
export interface PanelState {
  readonly target: PanelTarget;
  readonly filters: LogFilters;
  readonly sort: LogSort;
  /** How many days back the panel loads from Graph. */
  readonly days: number;
  readonly live: boolean;
  readonly selectedId?: string;
}

export type LoadState = 'loading' | 'waiting' | 'paused' | 'complete' | 'cancelled' | 'error';

/** Host → webview. */
export type HostMessage =
  | {
      readonly type: 'init';
      readonly title: string;
      readonly subtitle: string;
      readonly state: PanelState;
    }
  /** Starts over (new time range, refresh): the webview drops its rows. */
  | { readonly type: 'reset' }
  /** More rows, to append (paging) or to prepend (live mode: newer than everything loaded). */
  | {
      readonly type: 'rows';
      readonly rows: readonly LogRow[];
      readonly position: 'append' | 'prepend';
    }
  | {
      readonly type: 'progress';
      readonly state: LoadState;
      readonly loaded: number;
      /** Another page exists. */
      readonly more: boolean;
      /** While waiting for the rate limit: how long, in ms. */
      readonly waitMs?: number;
      readonly message?: string;
    }
  | { readonly type: 'details'; readonly details: LogRowDetails }
  | { readonly type: 'live'; readonly enabled: boolean; readonly lastPoll?: number };

/** Webview → host. Every one is validated by `parseWebviewMessage` before the host acts on it. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'loadMore' }
  | { readonly type: 'loadAll' }
  | { readonly type: 'cancel' }
  | { readonly type: 'reload'; readonly days: number }
  | { readonly type: 'select'; readonly id: string }
  | { readonly type: 'copyIds'; readonly id: string }
  | { readonly type: 'provisionOnDemand'; readonly id: string }
  | { readonly type: 'openPolicy'; readonly id: string }
  | {
      readonly type: 'export';
      readonly format: 'csv' | 'json';
      readonly filters: LogFilters;
      readonly sort: LogSort;
    }
  | { readonly type: 'setLive'; readonly enabled: boolean }
  /** The webview's state changed (filters, sort, selection): the host keeps it for restore and export. */
  | { readonly type: 'state'; readonly state: PanelState };
