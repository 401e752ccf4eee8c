import { isGraphOperation, permissionFor } from './auth/operationPermissions';
import { DeadlineError, GraphError, RequestTimeoutError, seconds } from './graph/graphError';
import { isIdempotent } from './graph/retryPolicy';
import { printable } from './printable';
import { redactSecrets } from './redact';
import { UserCancelledError } from './userCancelledError';

/** How a failure is presented: a one-line summary for the user and the full detail for the log. */
export interface ErrorDescription {
  /** True when the user (or VS Code) cancelled: nothing is shown. */
  readonly cancelled: boolean;
  /** Short, names the fix where one is known; one line without control characters. */
  readonly summary: string;
  /** Everything we know, for the log channel. */
  readonly detail: string;
}

export function isCancellation(err: unknown): boolean {
  if (err instanceof UserCancelledError) return true;
  if (!(err instanceof Error)) return false;
  // AbortError: an aborted request; Canceled: VS Code's CancellationError, from a cancelled token.
  return err.name === 'AbortError' || err.name === 'Canceled' || err.name === 'CancellationError';
}

export function describeError(err: unknown): ErrorDescription {
  if (isCancellation(err)) return { cancelled: true, summary: '', detail: 'cancelled' };
  if (err instanceof GraphError) {
    return {
      cancelled: false,
      summary: printable(redactSecrets(graphSummary(err))),
      detail: redactSecrets(graphDetail(err)),
    };
  }
  if (err instanceof Error) {
    return {
      cancelled: false,
      summary: printable(redactSecrets(err.message)),
      detail: redactSecrets(err.stack ?? err.message),
    };
  }
  return {
    cancelled: false,
    summary: printable(redactSecrets(String(err))),
    detail: redactSecrets(String(err)),
  };
}

function graphSummary(e: GraphError): string {
  const tenant = `tenant ${e.tenantId}`;
  const permission =
    e.operation !== undefined && isGraphOperation(e.operation)
      ? permissionFor(e.operation)
      : undefined;
  const toDo = permission ? ` to ${permission.action}` : '';
  const wait = e.retryAfterSeconds !== undefined ? `in ${e.retryAfterSeconds} s` : 'in a moment';
  const request = `${e.method} ${pathOf(e.url)}`;
  switch (e.code) {
    case 'RequestTimeout': {
      const within = e instanceof RequestTimeoutError ? ` within ${seconds(e.timeoutMs)} s` : '';
      return isIdempotent(e.method)
        ? `Microsoft Graph did not answer ${request} for ${tenant}${within}. Try again; if it keeps happening, check the network or allow a longer request timeout.`
        : `Microsoft Graph did not answer ${request} for ${tenant}${within}. It may have been carried out: refresh and check before trying again.`;
    }
    case 'DeadlineExceeded': {
      const after = e instanceof DeadlineError ? ` after ${seconds(e.deadlineMs)} s` : '';
      return `Gave up on ${request} for ${tenant}${after} (retries and pages included). Try again later, or allow a longer deadline.`;
    }
    case 'RepeatedNextLink':
      return `Microsoft Graph sent the same next-page link twice for ${request} in ${tenant}: stopped instead of reading the same pages forever. Try again later.`;
    case 'TooManyPages':
      return `Stopped reading ${request} in ${tenant} ${e.message.replace(/^Stopped /, '')}`;
    case 'InvalidResponseBody':
      return `Microsoft Graph answered ${request} for ${tenant} with something that is not a Graph answer (${e.message}) Nothing more was sent; try again, and see the log for the request id.`;
  }
  if (e.status === 0 && e.code === 'NetworkError' && !isIdempotent(e.method))
    return `The connection to Microsoft Graph broke during ${request} for ${tenant}: ${e.message} It may have been carried out: refresh and check before trying again.`;
  if (e.status === 0)
    return `Cannot reach Microsoft Graph for ${tenant}: ${e.message} Check the network connection or proxy, then try again.`;
  switch (e.status) {
    case 401:
      return `Your sign-in to ${tenant} has expired or was revoked. Sign in again to ${tenant}.`;
    case 403:
      if (!permission) return `Access denied in ${tenant}: ${e.message}`;
      return (
        `Missing permission ${permission.permissions.join(' and ')}` +
        `${permission.role ? ` (or role ${permission.role})` : ''} in ${tenant}${toDo}. ` +
        'Ask an administrator to grant it, then sign in again.'
      );
    case 404:
      return `The object no longer exists in ${tenant}${permission ? ` (could not ${permission.action})` : ''}. Refresh to see the current state.`;
    case 409:
      return `It exists already in ${tenant}${permission ? ` (could not ${permission.action})` : ''}. Refresh and change the existing one instead.`;
    case 429:
      return `Microsoft Graph is throttling requests to ${tenant}. Try again ${wait}.`;
    case 503:
    case 504:
      return `Microsoft Graph is temporarily unavailable for ${tenant}. Try again ${wait}.`;
    case 400:
      return `Microsoft Graph rejected the request${toDo} in ${tenant}: ${e.message}`;
    default:
      return `Microsoft Graph failed${toDo} in ${tenant} (${e.status} ${e.code}): ${e.message}`;
  }
}

function graphDetail(e: GraphError): string {
  const lines = [`${e.name} ${e.status} ${e.code}: ${e.message}`];
  const add = (label: string, value: string | number | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`  ${label}: ${value}`);
  };
  add('operation', e.operation);
  add('request', `${e.method} ${e.url}`);
  add('tenant', e.tenantId);
  add('request-id', e.requestId);
  add('client-request-id', e.clientRequestId);
  add('date', e.date?.toISOString());
  add('inner codes', e.innerCodes.join(', '));
  for (const d of e.details)
    add(
      'detail',
      [d.code, d.message, d.target && `(target ${d.target})`].filter(Boolean).join(' '),
    );
  add('attempts', e.attempts);
  add('retry-after', e.retryAfterSeconds === undefined ? undefined : `${e.retryAfterSeconds} s`);
  if (e.cause instanceof Error) add('cause', e.cause.message);
  return lines.join('\n');
}

/** `/policies/crossTenantAccessPolicy` of a Graph URL: what a person recognises, without host, version or query. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/^\/(v1\.0|beta)(?=\/)/, '');
  } catch {
    return url;
  }
}
