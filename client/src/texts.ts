/**
 * The client's own messages in the language of `podsight.language`: `auto` asks VS Code
 * (vscode.l10n, its display language); `en` / `zh-cn` read the bundled l10n/ files directly, so the
 * client speaks the same language as the server's diagnostics and hovers. (Command titles and
 * setting descriptions come from package.nls*.json, which only VS Code's display language selects.)
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

let bundle: Record<string, string> | undefined;

export function clientText(extensionUri: vscode.Uri, message: string, ...args: (string | number)[]): string {
  const language = vscode.workspace.getConfiguration('podsight').get<string>('language', 'auto');
  if (language === 'auto') return vscode.l10n.t(message, ...args);
  let template = message;
  if (language === 'zh-cn') {
    try {
      bundle ??= JSON.parse(readFileSync(vscode.Uri.joinPath(extensionUri, 'l10n', 'bundle.l10n.zh-cn.json').fsPath, 'utf8')) as Record<string, string>;
      template = bundle[message] ?? message;
    } catch {
      // No bundle (a broken install): English is the fallback, as vscode.l10n does.
    }
  }
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : whole));
}
