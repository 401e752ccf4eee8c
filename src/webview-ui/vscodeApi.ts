import type { PanelState, WebviewMessage } from '../core/provisioning/panelProtocol';

/** The object VS Code injects into webviews; it may be acquired only once per page. */
declare function acquireVsCodeApi(): {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
};

/** The webview API narrowed to this panel's protocol, so a misspelt message fails to compile. */
export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  /** Whatever an earlier instance of the panel stored; validate before use. */
  getState(): unknown;
  setState(state: PanelState): void;
}

export function acquireVsCode(): VsCodeApi {
  return acquireVsCodeApi();
}
