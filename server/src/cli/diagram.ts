/** `podsight diagram FILE [--pod NAME] [--width PX] [--out FILE]`: the pod diagram as a standalone SVG, laid out for a width. */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeText } from '../core/analyze';
import { podGraphFor } from '../graph/query';
import { renderPodSvg } from '../graph/svg/render';
import { normaliseLocale, t } from '../l10n';
import { findConfig, loadConfig } from './config';
import { cliLocale, usage } from './usage';

export function runDiagram(argv: string[]): number {
  let file: string | undefined;
  let pod: string | undefined;
  let out: string | undefined;
  let lang: string | undefined;
  let width: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--pod') pod = argv[++i];
    else if (arg === '--out' || arg === '-o') out = argv[++i];
    else if (arg === '--lang') lang = argv[++i];
    else if (arg === '--width') {
      width = Number(argv[++i]);
      if (!Number.isInteger(width) || width < 200 || width > 10_000) {
        process.stderr.write(`podsight diagram: ${t(cliLocale(argv), 'cli.bad-width', { value: argv[i] ?? '' })}\n`);
        return 2;
      }
    }
    else if (arg.startsWith('-') && arg !== '-') {
      process.stderr.write(`podsight diagram: ${t(cliLocale(argv), 'cli.unknown-option', { option: arg })}\n\n${usage(cliLocale(argv))}`);
      return 2;
    } else if (file === undefined) file = arg;
    else {
      process.stderr.write(`podsight diagram: ${t(cliLocale(argv), 'cli.one-file')}\n\n${usage(cliLocale(argv))}`);
      return 2;
    }
  }
  if (!file) {
    process.stderr.write(`podsight diagram: ${t(cliLocale(argv), 'cli.no-file')}\n\n${usage(cliLocale(argv))}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`podsight: cannot read ${file}\n`);
    return 2;
  }
  const configFile = findConfig(process.cwd());
  let images;
  try {
    images = configFile ? loadConfig(configFile).images : undefined;
  } catch {
    images = undefined;
  }
  const locale = normaliseLocale(lang ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG);
  const analysis = analyzeText(text, { locale, images });
  const first = podGraphFor(analysis, 0, locale, {}, images);
  let index = first.active;
  if (pod !== undefined) {
    index = first.pods.find((p) => p.name === pod)?.index;
    if (index === undefined) {
      const names = first.pods.map((p) => p.name || '?').join(', ');
      process.stderr.write(`podsight diagram: no pod named "${pod}" in ${file}${names ? ` (pods: ${names})` : ''}\n`);
      return 2;
    }
  }
  if (index === undefined) {
    process.stderr.write(`podsight diagram: ${file} holds no pod\n`);
    return 1;
  }
  const result = podGraphFor(analysis, 0, locale, { podIndex: index }, images);
  if (!result.graph) return 1;
  const svg = renderPodSvg(result.graph, result.strings, { standalone: true, width }) + '\n';
  if (out && out !== '-') writeFileSync(out, svg);
  else process.stdout.write(svg);
  return 0;
}
