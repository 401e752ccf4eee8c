/**
 * Entry point of the provisioning-log panel's browser code (bundled to dist/webview.js). The host
 * page is a bare `<div id="app">` under a strict CSP: everything is built here, with DOM calls only.
 */
import { parsePanelState } from '../core/provisioning/parsePanelState';
import { parseHostMessage } from './hostMessage';
import { LogPanel } from './logPanel';
import { acquireVsCode } from './vscodeApi';

const vscode = acquireVsCode();
const root =
  document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
// A reload of the webview restores what the user had at once; the host's `init` then confirms it.
const panel = new LogPanel(root, vscode, parsePanelState(vscode.getState()));

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (message) panel.handle(message);
});
vscode.postMessage({ type: 'ready' });
