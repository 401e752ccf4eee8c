import type { LogRow, LogRowDetails, LogStep, PolicyPointer } from '../core/provisioning/logRow';
import { asArray, field } from '../core/provisioning/looseJson';
import type { HostMessage, LoadState } from '../core/provisioning/panelProtocol';
import { parsePanelState } from '../core/provisioning/parsePanelState';

/*
 * Checks of what arrives through `message` events. The host is ours, but a message of another
 * shape (an older host after an update, a stray message) must be ignored rather than break the
 * panel halfway through a render. The panel state goes through the host's own strict parser, so
 * the webview never adopts a state the host would refuse when it comes back.
 */

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const optStr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const optNum = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const pairs = (v: unknown): [string, string][] =>
  asArray(v).filter(
    (p): p is [string, string] =>
      Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string',
  );

const ROW_STRINGS = [
  'id',
  'action',
  'status',
  'sourceName',
  'sourceId',
  'targetName',
  'targetId',
  'identityType',
  'sourceUpn',
  'errorCode',
  'cycleId',
  'changeId',
  'jobId',
] as const;
const LOAD_STATES: readonly LoadState[] = [
  'loading',
  'waiting',
  'paused',
  'complete',
  'cancelled',
  'error',
];

/** Rows are checked one by one: the filter engine lowercases every string field. */
function isLogRow(v: unknown): v is LogRow {
  return (
    ROW_STRINGS.every((k) => typeof field(v, k) === 'string') &&
    Number.isFinite(field(v, 'time')) &&
    typeof field(v, 'durationMs') === 'number'
  );
}

function readStep(v: unknown): LogStep {
  return {
    name: str(field(v, 'name')),
    type: str(field(v, 'type')),
    status: str(field(v, 'status')),
    description: str(field(v, 'description')),
    details: pairs(field(v, 'details')),
  };
}

function readPolicy(v: unknown): PolicyPointer | undefined {
  const label = field(v, 'label');
  if (typeof label !== 'string') return undefined;
  return {
    tenantId: str(field(v, 'tenantId')),
    partnerTenantId: str(field(v, 'partnerTenantId')),
    setting: str(field(v, 'setting')),
    label,
  };
}

function readError(v: unknown): LogRowDetails['error'] {
  if (typeof v !== 'object' || v === null) return undefined;
  const meaning = optStr(field(v, 'meaning'));
  const remedy = optStr(field(v, 'remedy'));
  const retries = field(v, 'retries');
  return {
    code: str(field(v, 'code')),
    reason: str(field(v, 'reason')),
    additionalDetails: str(field(v, 'additionalDetails')),
    recommendedAction: str(field(v, 'recommendedAction')),
    category: str(field(v, 'category')),
    ...(meaning !== undefined ? { meaning } : {}),
    ...(remedy !== undefined ? { remedy } : {}),
    ...(typeof retries === 'boolean' ? { retries } : {}),
  };
}

function readDetails(v: unknown): LogRowDetails | undefined {
  const id = field(v, 'id');
  if (typeof id !== 'string') return undefined;
  const error = readError(field(v, 'error'));
  const policy = readPolicy(field(v, 'policy'));
  return {
    id,
    steps: asArray(field(v, 'steps')).map(readStep),
    modifiedProperties: asArray(field(v, 'modifiedProperties')).map((p) => ({
      name: str(field(p, 'name')),
      oldValue: str(field(p, 'oldValue')),
      newValue: str(field(p, 'newValue')),
    })),
    ids: pairs(field(v, 'ids')),
    canProvisionOnDemand: field(v, 'canProvisionOnDemand') === true,
    ...(error ? { error } : {}),
    ...(policy ? { policy } : {}),
  };
}

/** The message as the panel may act on it, or undefined to ignore it. */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  switch (field(data, 'type')) {
    case 'init': {
      const state = parsePanelState(field(data, 'state'));
      return state
        ? {
            type: 'init',
            title: str(field(data, 'title')),
            subtitle: str(field(data, 'subtitle')),
            state,
          }
        : undefined;
    }
    case 'reset':
      return { type: 'reset' };
    case 'rows': {
      const rows = field(data, 'rows');
      const position = field(data, 'position');
      if (!Array.isArray(rows) || (position !== 'append' && position !== 'prepend'))
        return undefined;
      return { type: 'rows', rows: rows.filter(isLogRow), position };
    }
    case 'progress': {
      const state = field(data, 'state') as LoadState;
      if (!LOAD_STATES.includes(state)) return undefined;
      const waitMs = optNum(field(data, 'waitMs'));
      const message = optStr(field(data, 'message'));
      return {
        type: 'progress',
        state,
        loaded: optNum(field(data, 'loaded')) ?? 0,
        more: field(data, 'more') === true,
        ...(waitMs !== undefined ? { waitMs } : {}),
        ...(message !== undefined ? { message } : {}),
      };
    }
    case 'details': {
      const details = readDetails(field(data, 'details'));
      return details ? { type: 'details', details } : undefined;
    }
    case 'live': {
      const lastPoll = optNum(field(data, 'lastPoll'));
      return {
        type: 'live',
        enabled: field(data, 'enabled') === true,
        ...(lastPoll !== undefined ? { lastPoll } : {}),
      };
    }
    default:
      return undefined;
  }
}
