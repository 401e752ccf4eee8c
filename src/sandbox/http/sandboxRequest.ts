/** A request as both fronts hand it to the pipeline: absolute URL, lower-case header names, body text. */
export interface SandboxRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  /** '' when there is no body. */
  readonly body: string;
}

export interface SandboxResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

/**
 * A response, a dropped connection, or a response whose connection drops mid-body (fault
 * injection): the front decides how a drop looks.
 */
export type SandboxOutcome =
  | { readonly kind: 'response'; readonly response: SandboxResponse }
  | { readonly kind: 'truncate'; readonly response: SandboxResponse }
  | { readonly kind: 'drop' };
