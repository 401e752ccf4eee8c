import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The panel's whole HTML: an empty mount point, our stylesheet and our script. No data is ever
 * put into it: rows and details arrive by message and are rendered as text by the webview code.
 * The CSP allows only our own stylesheet and the one script carrying this load's nonce, so a
 * payload that somehow became markup still could not run or load anything.
 */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(
    vscode.Uri.joinPath(extensionUri, 'media', 'provisioningLogs.css'),
  );
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // A translation is text, never markup.
  const title = vscode.l10n
    .t('Provisioning logs')
    .replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style.toString()}">
<title>${title}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** What the panel's webview may load: our bundle and our stylesheet, nothing else. */
export function panelResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}
