import { field } from './looseJson';
import type { WebviewMessage } from './panelProtocol';
import {
  isDays,
  isRecord,
  parseId,
  parseLogFilters,
  parseLogSort,
  parsePanelState,
} from './parsePanelState';

/**
 * A message from the webview, checked before the host acts on it, or undefined. The webview shows
 * another tenant's data, so a message is treated as untrusted: the type must be known, every field
 * of the right type and size (see parsePanelState.ts), and the result is a new object with only
 * the known fields.
 */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value)) return undefined;
  const type = field(value, 'type');
  switch (type) {
    case 'ready':
    case 'loadMore':
    case 'loadAll':
    case 'cancel':
      return { type };
    case 'reload': {
      const days = field(value, 'days');
      return isDays(days) ? { type, days } : undefined;
    }
    case 'select':
    case 'copyIds':
    case 'provisionOnDemand':
    case 'openPolicy': {
      const id = parseId(field(value, 'id'));
      return id === undefined ? undefined : { type, id };
    }
    case 'export': {
      const format = field(value, 'format');
      const filters = parseLogFilters(field(value, 'filters'));
      const sort = parseLogSort(field(value, 'sort'));
      return (format === 'csv' || format === 'json') && filters && sort
        ? { type, format, filters, sort }
        : undefined;
    }
    case 'setLive': {
      const enabled = field(value, 'enabled');
      return typeof enabled === 'boolean' ? { type, enabled } : undefined;
    }
    case 'state': {
      const state = parsePanelState(field(value, 'state'));
      return state ? { type, state } : undefined;
    }
    default:
      return undefined;
  }
}
