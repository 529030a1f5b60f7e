/**
 * The diagram webview's HTML: a skeleton with a strict CSP and the bundled script and stylesheet.
 * No data goes in here: the graph and every text arrive by postMessage after the page says `ready`.
 * Pure (no `vscode` import), so the Chromium tests load exactly this page.
 */

/** What the page needs from the host. */
export interface HtmlParams {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh random nonce for the one script tag. */
  readonly nonce: string;
  /** `webview.asWebviewUri(dist/webview/main.js)`. */
  readonly scriptUri: string;
  /** `webview.asWebviewUri(dist/webview/main.css)`. */
  readonly styleUri: string;
}

const attr = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function diagramHtml(p: HtmlParams): string {
  const csp = [
    "default-src 'none'",
    `style-src ${p.cspSource}`,
    `img-src ${p.cspSource}`,
    `font-src ${p.cspSource}`,
    `script-src 'nonce-${p.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(p.styleUri)}">
<title>Podsight</title>
</head>
<body>
<div id="toolbar" role="toolbar">
<select id="pod" class="hidden"></select>
<span id="file" class="file"></span>
<span class="spacer"></span>
<button id="fit" type="button" aria-pressed="true">Fit</button>
<button id="zoom-reset" type="button">100%</button>
<button id="zoom-out" type="button">−</button>
<span id="zoom-level" class="zoom-level" aria-live="polite"></span>
<button id="zoom-in" type="button">+</button>
<button id="export" type="button"></button>
</div>
<p id="hint" class="sr-only"></p>
<div id="view" tabindex="-1"><div id="canvas"></div></div>
<div id="empty" class="hidden" role="status"></div>
<script nonce="${attr(p.nonce)}" src="${attr(p.scriptUri)}"></script>
</body>
</html>`;
}
