/** The arguments of `podsight check`. */
import { t } from '../l10n';
import type { RuleLevel } from '../rules/types';
import { parseFailLevel, parseMaxWarnings, type ExitPolicy } from './exit-policy';
import { OUTPUT_FORMATS, type OutputFormat } from './formats';
import { cliLocale } from './usage';

export interface CheckArgs {
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
  /** Threads (`--jobs N`); default: one per core. */
  jobs?: number;
}

/** The arguments, or the message saying what is wrong with them. */
export function parseArgs(args: string[]): CheckArgs | string {
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
    else if (flag === '--jobs' || flag === '-j') {
      const given = value() ?? '';
      if (!/^[1-9][0-9]*$/.test(given)) return t(cliLocale(args), 'cli.bad-jobs');
      out.jobs = Number(given);
    }
    else if (flag === '--rule') {
      const m = /^([a-z0-9-]+)=(error|warning|information|hint|off)$/.exec(value() ?? '');
      if (!m?.[1] || !m[2]) return t(cliLocale(args), 'cli.bad-rule');
      out.rules[m[1]] = m[2] as RuleLevel;
    } else if (arg.startsWith('-') && arg !== '-') return t(cliLocale(args), 'cli.unknown-option', { option: arg });
    else out.files.push(arg);
  }
  return out.files.length === 0 ? t(cliLocale(args), 'cli.no-file') : out;
}
