/** `podsight check`: analyse files and folders, print findings, exit 1 on any error. */
import { cachedReader, fragmentKindOf } from '../k8s/fragments';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Analyzer, type FileAnalysis } from '../core/analyze';
import { renderPath } from '../kustomize/cli';
import { normaliseLocale, t } from '../l10n';
import { needsWorkspace } from '../k8s/neighbourhood';
import type { AnalysisOptions, RuleLevel } from '../rules/types';
import { folderNamespace, workspacePeers } from './workspace';
import { findConfig, loadConfig } from './config';
import { exitCodeFor, parseFailLevel, parseMaxWarnings, type ExitPolicy } from './exit-policy';
import { formatFindings, OUTPUT_FORMATS, useColor, type CliFinding, type OutputFormat } from './formats';
import { cliLocale, usage } from './usage';

interface CheckArgs {
  files: string[];
  format: OutputFormat;
  policy: ExitPolicy;
  lang?: string;
  config?: string;
  noConfig: boolean;
  rules: Record<string, RuleLevel>;
  /** `--no-render`: check a kustomization's files one by one instead of rendering it. */
  noRender: boolean;
  kustomizeCommand?: string;
}

function parseArgs(args: string[]): CheckArgs | string {
  const out: CheckArgs = { files: [], format: 'text', policy: { failOn: 'error' }, noConfig: false, rules: {}, noRender: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--format') {
      const given = value();
      const f = OUTPUT_FORMATS.find((name) => name === given);
      if (!f) return t(cliLocale(args), 'cli.bad-format');
      out.format = f;
    } else if (flag === '--fail-on') {
      const failOn = parseFailLevel(value());
      if (!failOn) return t(cliLocale(args), 'cli.bad-fail-on');
      out.policy = { ...out.policy, failOn };
    } else if (flag === '--max-warnings') {
      const max = parseMaxWarnings(value());
      if (max === undefined) return t(cliLocale(args), 'cli.bad-max-warnings');
      out.policy = { ...out.policy, maxWarnings: max ?? undefined };
    } else if (flag === '--lang') out.lang = value();
    else if (flag === '--config') out.config = value();
    else if (flag === '--no-config') out.noConfig = true;
    else if (flag === '--no-render') out.noRender = true;
    else if (flag === '--kustomize-command') out.kustomizeCommand = value();
    else if (flag === '--rule') {
      const m = /^([a-z0-9-]+)=(error|warning|information|hint|off)$/.exec(value() ?? '');
      if (!m?.[1] || !m[2]) return t(cliLocale(args), 'cli.bad-rule');
      out.rules[m[1]] = m[2] as RuleLevel;
    } else if (arg.startsWith('-') && arg !== '-') return t(cliLocale(args), 'cli.unknown-option', { option: arg });
    else out.files.push(arg);
  }
  return out.files.length === 0 ? t(cliLocale(args), 'cli.no-file') : out;
}

function expand(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      if (name.startsWith('.') || name === 'node_modules') return [];
      return statSync(child).isDirectory() ? expand(child) : /\.ya?ml$/i.test(name) ? [child] : [];
    });
}

export function runCheck(argv: string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`podsight check: ${args}\n\n${usage(cliLocale(argv))}`);
    return 2;
  }
  const locale = normaliseLocale(args.lang || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  const configFile = args.noConfig ? undefined : args.config ?? findConfig(process.cwd());
  let config;
  try {
    config = configFile ? loadConfig(configFile, locale) : undefined;
  } catch {
    process.stderr.write(`podsight: ${t(locale, 'cli.cannot-read-config', { file: configFile ?? '' })}\n`);
    return 2;
  }
  for (const e of config?.errors ?? []) process.stderr.write(`podsight: ${e}\n`);
  const options: AnalysisOptions = {
    locale,
    rules: { ...config?.rules, ...args.rules },
    images: config?.images,
    ...(config?.podTemplates ? { podTemplates: config.podTemplates } : {}),
  };
  const inputs: { file: string; text: string; analyzer: Analyzer; analysis: FileAnalysis; options: AnalysisOptions }[] = [];
  const readText = cachedReader(readTextOrUndefined);
  let unreadable = false;
  const findings: CliFinding[] = [];
  const renderedSources = new Map<string, string>();
  for (const given of args.files) {
    // Kustomize overlays in the folder: the pods that will be applied are checked, on their source
    // lines; the files their renders cover are not checked again one by one.
    const rendered = renderPath(given, { noRender: args.noRender, command: args.kustomizeCommand }, options, locale, (line) => process.stderr.write(`podsight: ${line}\n`));
    if (rendered) {
      findings.push(...rendered.findings);
      for (const [file, text] of rendered.sources) renderedSources.set(file, text);
    }
    let files: string[];
    try {
      files = expand(given);
    } catch {
      process.stderr.write(`podsight: ${t(locale, 'cli.cannot-read', { file: given })}\n`);
      unreadable = true;
      continue;
    }
    for (const file of files) {
      if (rendered?.covered.has(resolve(file))) continue;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        process.stderr.write(`podsight: ${t(locale, 'cli.cannot-read', { file })}\n`);
        unreadable = true;
        continue;
      }
      const analyzer = new Analyzer((rule, e) => process.stderr.write(`podsight: ${t(locale, 'cli.rule-failed', { rule, file, error: String(e) })}\n`));
      // A kustomize patch or a test assertion holds part of an object: checked as a fragment.
      const fragment = fragmentKindOf(file, readText);
      const fileOptions = fragment ? { ...options, fragment } : options;
      inputs.push({ file, text, analyzer, analysis: analyzer.analyze(text, fileOptions), options: fileOptions });
    }
  }
  // Services, routes and config references look across the files of the run: a second pass
  // with the workspace's peers re-runs only the file-level rules (each analyzer keeps its chunks).
  const peers = workspacePeers(inputs);
  for (const input of inputs) {
    const namespace = folderNamespace(dirname(input.file));
    const analysis = needsWorkspace(input.text) ? input.analyzer.analyze(input.text, input.options, peers, { source: input.file, namespace }) : input.analysis;
    for (const f of analysis.findings) {
      const related = f.related.map((r) => ({ file: input.file, range: analysis.lines.rangeOf(r.start, r.end), message: r.message }));
      findings.push({ file: input.file, rule: f.rule, severity: f.severity, message: f.message, range: analysis.lines.rangeOf(f.start, f.end), related });
    }
  }
  const sources = new Map([...renderedSources, ...inputs.map((i) => [i.file, i.text] as const)]);
  process.stdout.write(formatFindings(args.format, findings, { sources, color: useColor(process.stdout.isTTY === true), locale, cwd: process.cwd() }));
  if (unreadable) return 2;
  return exitCodeFor(findings, args.policy);
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
