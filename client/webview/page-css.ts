/** The webview page's own styles (toolbar, scroll area); theme variables only. */
export const PAGE_CSS = `
html, body { margin: 0; padding: 0; height: 100%; }
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); display: flex; flex-direction: column; }
#toolbar { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid var(--vscode-panel-border, transparent); flex: none; }
#toolbar .spacer { flex: 1; }
#toolbar button { color: var(--vscode-button-secondaryForeground, var(--vscode-button-foreground)); background: var(--vscode-button-secondaryBackground, var(--vscode-button-background)); border: 1px solid var(--vscode-button-border, transparent); padding: 2px 8px; cursor: pointer; font: inherit; min-width: 28px; }
#toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-button-hoverBackground)); }
#toolbar button:focus-visible, #toolbar select:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
#toolbar select { color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border: 1px solid var(--vscode-dropdown-border, transparent); font: inherit; max-width: 50%; }
#toolbar .file { color: var(--vscode-descriptionForeground); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#view { flex: 1; overflow: auto; min-height: 0; }
#toolbar .zoom-level { color: var(--vscode-descriptionForeground); min-width: 3.5em; text-align: center; font-variant-numeric: tabular-nums; }
#toolbar button[aria-pressed="true"] { outline: 1px solid var(--vscode-focusBorder); }
#canvas { padding: 4px; }
#canvas svg { display: block; }
#empty { padding: 16px; color: var(--vscode-descriptionForeground); }
.hidden { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
