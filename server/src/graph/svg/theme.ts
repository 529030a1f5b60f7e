/**
 * The diagram's stylesheet. Colours come only from VS Code theme variables; the fallbacks (VS Code's
 * light theme) apply where no theme defines them: the CLI's SVG and exported files.
 * The webview loads this as `dist/webview/main.css` (written by scripts/build.mjs), because its CSP
 * forbids inline styles; standalone SVGs embed it.
 */
export const DIAGRAM_CSS = `
.pd { font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); font-size: 12px; }
.pd text { fill: var(--vscode-editor-foreground, #1f1f1f); }
.pd .canvas { fill: var(--vscode-editor-background, #ffffff); }
.pd .title { font-size: 13px; font-weight: 600; }
.pd .muted { fill: var(--vscode-descriptionForeground, #717171); }
.pd .pod-box { fill: none; stroke: var(--vscode-contrastBorder, var(--vscode-panel-border, #a0a0a0)); stroke-width: 1.5; stroke-dasharray: 6 4; }
.pd .box { fill: var(--vscode-editorWidget-background, #f3f3f3); stroke: var(--vscode-contrastBorder, var(--vscode-editorWidget-border, #c8c8c8)); stroke-width: 1; }
.pd .infra .box { fill: var(--vscode-textBlockQuote-background, #f2f2f2); stroke: var(--vscode-contrastBorder, var(--vscode-textBlockQuote-border, #007acc)); }
.pd .row { fill: var(--vscode-editor-background, #ffffff); stroke: var(--vscode-contrastBorder, var(--vscode-editorWidget-border, #c8c8c8)); stroke-width: 0.8; }
.pd .implied .row, .pd .implied-swatch { stroke-dasharray: 3 2; }
.pd .implied text { font-style: italic; }
.pd .header { fill: var(--vscode-editor-background, #ffffff); fill-opacity: 0; }
.pd .badge { fill: var(--vscode-badge-background, #616161); }
.pd text.badge-text { fill: var(--vscode-badge-foreground, #ffffff); font-size: 11px; }
.pd .link, .pd .edge { fill: none; stroke: var(--vscode-descriptionForeground, #717171); stroke-width: 1.2; }
.pd .edge.ro { stroke-dasharray: 5 3; }
.pd .dot { fill: var(--vscode-descriptionForeground, #717171); }
.pd .arrow { fill: none; stroke: var(--vscode-descriptionForeground, #717171); stroke-width: 1.2; }
.pd .f-error > .box, .pd .f-error > .row { stroke: var(--vscode-editorError-foreground, #e51400); stroke-width: 2; }
.pd .f-warning > .box, .pd .f-warning > .row { stroke: var(--vscode-editorWarning-foreground, #bf8803); stroke-width: 2; }
.pd .f-information > .box, .pd .f-information > .row, .pd .f-hint > .box, .pd .f-hint > .row { stroke: var(--vscode-editorInfo-foreground, #1a85ff); stroke-width: 1.5; }
.pd text.t-error { fill: var(--vscode-editorError-foreground, #e51400); }
.pd text.t-warning { fill: var(--vscode-editorWarning-foreground, #bf8803); }
.pd .edge.e-error { stroke: var(--vscode-editorError-foreground, #e51400); }
.pd .edge.e-warning { stroke: var(--vscode-editorWarning-foreground, #bf8803); }
.pd .swatch-error { fill: none; stroke: var(--vscode-editorError-foreground, #e51400); stroke-width: 2; }
.pd .swatch-warning { fill: none; stroke: var(--vscode-editorWarning-foreground, #bf8803); stroke-width: 2; }
.pd .node { cursor: pointer; }
.pd .node:focus { outline: none; }
.pd .node:focus > .box, .pd .node:focus > .row, .pd .node:hover > .row, .pd .node:hover > .box { stroke: var(--vscode-focusBorder, #0078d4); stroke-width: 2; }
.pd .node.highlight > .box, .pd .node.highlight > .row { stroke: var(--vscode-focusBorder, #0078d4); stroke-width: 3; }
.pd .node.highlight > .row { fill: var(--vscode-editor-selectionBackground, #add6ff); }
`;
