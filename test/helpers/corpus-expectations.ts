/**
 * Expectation lists for the real-world corpora: which error/warning findings are true (EXPECTED.tsv)
 * and which are known to be false today (KNOWN-FALSE.tsv). Both are tab-separated; lines starting
 * with `#` are comments. A finding is keyed by corpus, file, 1-based line and rule; a key may repeat
 * when a rule reports several times on one line.
 */
import { readFileSync } from 'node:fs';

export interface CorpusFinding {
  corpus: string;
  file: string;
  line: number;
  rule: string;
  severity: string;
  message: string;
}

export interface Expectation {
  corpus: string;
  file: string;
  line: number;
  rule: string;
  /** The rest of the row: the reason it is true, or which issue item fixes a false one and why. */
  note: string;
}

export function findingKey(f: { corpus: string; file: string; line: number; rule: string }): string {
  return `${f.corpus}\t${f.file}\t${f.line}\t${f.rule}`;
}

/** Rows of an expectation file; the first four columns are corpus, file, line, rule. */
export function readExpectations(path: string): Expectation[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [corpus = '', file = '', line = '', rule = '', ...rest] = l.split('\t');
      const n = Number(line);
      if (!corpus || !file || !rule || !Number.isInteger(n)) throw new Error(`${path}: bad row: ${l}`);
      return { corpus, file, line: n, rule, note: rest.join(' — ') };
    });
}

export interface Verdict {
  /** Findings on neither list: a new false finding, or a true one nobody has listed yet. */
  unexpected: CorpusFinding[];
  /** Findings skipped because KNOWN-FALSE.tsv lists them. */
  knownFalse: CorpusFinding[];
  /** EXPECTED.tsv rows no finding matched: a true finding has gone missing. */
  missing: Expectation[];
  /** KNOWN-FALSE.tsv rows no finding matched: fixed, so the row should be deleted. */
  stale: Expectation[];
}

/** Matches findings against both lists, one row per finding (a multiset match). */
export function judge(findings: readonly CorpusFinding[], expected: readonly Expectation[], knownFalse: readonly Expectation[]): Verdict {
  const pool = (rows: readonly Expectation[]): Map<string, Expectation[]> => {
    const m = new Map<string, Expectation[]>();
    for (const r of rows) m.set(findingKey(r), [...(m.get(findingKey(r)) ?? []), r]);
    return m;
  };
  const exp = pool(expected);
  const fal = pool(knownFalse);
  const verdict: Verdict = { unexpected: [], knownFalse: [], missing: [], stale: [] };
  for (const f of findings) {
    const key = findingKey(f);
    if (exp.get(key)?.pop()) continue;
    if (fal.get(key)?.pop()) verdict.knownFalse.push(f);
    else verdict.unexpected.push(f);
  }
  verdict.missing = [...exp.values()].flat();
  verdict.stale = [...fal.values()].flat();
  return verdict;
}

export function describe(f: CorpusFinding): string {
  return `${f.corpus}  ${f.file}:${f.line}  ${f.rule}  ${f.severity}: ${f.message.replace(/\s+/g, ' ')}`;
}
