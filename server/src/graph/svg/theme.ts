/**
 * The diagram's stylesheet. Colours come only from VS Code theme variables; the fallbacks (VS Code's
 * light theme) apply where no theme defines them: the CLI's SVG and exported files.
 * The webview loads this as `dist/webview/main.css` (written by scripts/build.mjs), because its CSP
 * forbids inline styles; standalone SVGs embed it.
 * Lines and swatches that carry meaning use the text colours (foreground, description, error,
 * warning), never border colours: those are too faint to read as a legend (WCAG AA, tested).
 */
const FG = 'var(--vscode-editor-foreground, #1f1f1f)';
const MUTED = 'var(--vscode-descriptionForeground, #616161)';
const BG = 'var(--vscode-editor-background, #ffffff)';
const ERROR = 'var(--vscode-editorError-foreground, #e51400)';
const WARNING = 'var(--vscode-editorWarning-foreground, #bf8803)';
const LINK = 'var(--vscode-textLink-foreground, #006ab1)';
const FOCUS = 'var(--vscode-focusBorder, #0078d4)';

export const DIAGRAM_CSS = `
.pd { font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); font-size: 12px; }
.pd text { fill: ${FG}; }
.pd .canvas { fill: ${BG}; }
.pd .title { font-size: 13px; font-weight: 600; }
.pd text.muted, .pd .muted { fill: ${MUTED}; }
.pd .pod-box { fill: none; stroke: var(--vscode-contrastBorder, ${MUTED}); stroke-width: 1.2; stroke-dasharray: 6 4; }
.pd .box { fill: var(--vscode-editorWidget-background, #f3f3f3); stroke: var(--vscode-contrastBorder, var(--vscode-editorWidget-border, #c8c8c8)); stroke-width: 1; }
.pd .infra > .box { fill: var(--vscode-textBlockQuote-background, #f2f6fb); stroke: var(--vscode-contrastBorder, var(--vscode-textBlockQuote-border, #005fb8)); stroke-width: 1.5; }
.pd .volume > .box { fill: var(--vscode-textBlockQuote-background, #f2f6fb); stroke: ${MUTED}; stroke-width: 1.2; stroke-dasharray: 4 3; }
.pd .row { fill: ${BG}; stroke: var(--vscode-contrastBorder, var(--vscode-editorWidget-border, #c8c8c8)); stroke-width: 0.8; }
.pd .pill { fill: ${BG}; stroke: ${FG}; stroke-width: 1.3; }
.pd .label { fill: ${BG}; fill-opacity: 0; stroke: none; }
.pd .implied > .row, .pd .implied > .pill, .pd .implied-swatch { stroke-dasharray: 3 2; }
.pd .implied text { font-style: italic; }
.pd .unheard > .pill { stroke: ${MUTED}; stroke-dasharray: 2 2; }
.pd .clash > .pill { stroke: ${ERROR}; stroke-width: 2.5; }
.pd .header { fill: ${BG}; fill-opacity: 0; }
.pd .badge { fill: var(--vscode-badge-background, #616161); }
.pd text.badge-text { fill: var(--vscode-badge-foreground, #ffffff); font-size: 11px; }
.pd .edge, .pd .arrow { fill: none; stroke: ${MUTED}; stroke-width: 1.3; }
.pd .edge.rw { stroke: ${FG}; stroke-width: 2.2; }
.pd .edge.ro { stroke: ${MUTED}; stroke-width: 1.4; stroke-dasharray: 5 3; }
.pd .edge.listen.implied { stroke-dasharray: 3 2; }
.pd .edge.call { stroke: ${LINK}; stroke-width: 1.5; stroke-dasharray: 6 2; }
.pd .head { fill: ${MUTED}; stroke: none; }
.pd .head.arrow { fill: none; stroke: ${MUTED}; stroke-width: 1.3; }
.pd .head.call { fill: ${LINK}; }
.pd .dot { fill: ${MUTED}; }
.pd .dot.rw { fill: ${FG}; }
.pd .row.ro, .pd .ro > .row { stroke-dasharray: 4 2; }
.pd .socket-swatch { fill: ${BG}; stroke: ${FG}; stroke-width: 1.5; }
.pd .unserved > .row, .pd .unserved > .pill, .pd .unserved-swatch { stroke: ${MUTED}; stroke-dasharray: 1 3; stroke-width: 1.5; }
.pd .unserved text { fill: ${MUTED}; }
.pd .edge.listen.unserved { stroke-dasharray: 1 3; }
.pd .f-error > .box, .pd .f-error > .row, .pd .f-error > .pill { stroke: ${ERROR}; stroke-width: 2; stroke-dasharray: none; }
.pd .f-warning > .box, .pd .f-warning > .row, .pd .f-warning > .pill { stroke: ${WARNING}; stroke-width: 2; }
.pd .f-information > .box, .pd .f-information > .row, .pd .f-hint > .box, .pd .f-hint > .row { stroke: var(--vscode-editorInfo-foreground, #1a85ff); stroke-width: 1.5; }
.pd .clash.f-error > .pill { stroke-width: 2.5; }
.pd text.t-error { fill: ${ERROR}; font-weight: 600; }
.pd text.t-warning { fill: ${WARNING}; }
.pd .edge.e-error, .pd .dot.e-error { stroke: ${ERROR}; }
.pd .dot.e-error { fill: ${ERROR}; }
.pd .edge.e-warning { stroke: ${WARNING}; }
.pd .edge.service { stroke: ${LINK}; stroke-width: 1.5; }
.pd .dot.service { fill: ${LINK}; }
.pd .edge.service.broken { stroke: ${WARNING}; stroke-dasharray: 2 3; }
.pd .dot.service.broken { fill: ${WARNING}; }
.pd .broken > .row { stroke: ${WARNING}; stroke-width: 1.5; stroke-dasharray: 2 2; }
.pd .swatch-error { fill: none; stroke: ${ERROR}; stroke-width: 2.5; }
.pd .swatch-warning { fill: none; stroke: ${WARNING}; stroke-width: 2.5; }
.pd text.legend-text { fill: ${FG}; }
.pd .node { cursor: pointer; }
.pd .node:focus { outline: none; }
.pd .ring { fill: none; stroke: none; pointer-events: none; }
.pd .node:hover > .ring { stroke: ${FOCUS}; stroke-width: 1; stroke-opacity: 0.7; }
.pd .node:focus-visible > .ring, .pd .node:focus > .ring { stroke: ${FOCUS}; stroke-width: 2; stroke-opacity: 1; }
.pd .node.highlight > .ring { stroke: ${FOCUS}; stroke-width: 3; stroke-opacity: 1; }
.pd .node.highlight > .row, .pd .node.highlight > .pill { fill: var(--vscode-editor-selectionBackground, #add6ff); }
`;
