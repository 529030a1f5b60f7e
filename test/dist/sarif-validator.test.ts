/**
 * Microsoft's SARIF validator (the one GitHub's docs point to) with the rule kinds GitHub code
 * scanning uses, `Sarif;Gh`, reports no error on Podsight's SARIF for the examples, which cover
 * every rule with conflicts (related locations) and multi-document files.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from '../helpers/paths';
import { run, sarifMultitool, tempDir } from './tools';

const work = tempDir('sarif');
after(() => rmSync(work, { recursive: true, force: true }));

interface ValidatorLog {
  runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }[] }[];
}

test('the SARIF validator (rule kinds Sarif;Gh) reports 0 errors and 0 warnings', () => {
  const check = run(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', 'examples', '--format', 'sarif'], { cwd: repoRoot });
  assert.equal(check.status, 1, check.stderr);
  const input = join(work, 'podsight.sarif');
  writeFileSync(input, check.stdout);
  const output = join(work, 'out', 'validation.sarif');
  mkdirSync(join(work, 'out'));
  // Globalization-invariant mode: the self-contained .NET binary then needs no ICU library.
  const v = run(sarifMultitool, ['validate', '--rule-kind', 'Sarif;Gh', '--output', output, input], {
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    timeoutMs: 120_000,
  });
  assert.equal(v.status, 0, `${v.stdout}\n${v.stderr}`);
  const log = JSON.parse(readFileSync(output, 'utf8')) as ValidatorLog;
  const problems = (log.runs[0]?.results ?? []).filter((r) => r.level === 'error' || r.level === 'warning' || r.level === undefined);
  assert.deepEqual(problems.map((p) => `${p.level ?? 'warning'} ${p.ruleId} ${p.message.arguments?.join(' | ') ?? p.message.text ?? ''}`), []);
  // The validator really looked: the same tool flags what GitHub rejects (a rule without help).
  const broken = JSON.parse(check.stdout) as { runs: { tool: { driver: { rules: Record<string, unknown>[] } } }[] };
  delete broken.runs[0]!.tool.driver.rules[0]!.help;
  writeFileSync(input, JSON.stringify(broken));
  rmSync(output);
  run(sarifMultitool, ['validate', '--rule-kind', 'Sarif;Gh', '--output', output, input], { env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
  const again = JSON.parse(readFileSync(output, 'utf8')) as ValidatorLog;
  assert.ok((again.runs[0]?.results ?? []).some((r) => r.level === 'error' && r.ruleId === 'GH2012'), 'a missing help is an error');
});
