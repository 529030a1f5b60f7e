/**
 * Runs the TextMate grammar tests (`test/grammar/*.test.yaml`, vscode-tmgrammar-test format) with
 * VS Code's own YAML grammar (vendored under test/grammar/yaml/) and Podsight's injection grammar,
 * which vscode-tmgrammar-test finds through `contributes.grammars` in package.json.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../helpers/paths';

test('directive grammar: scopes inside YAML comments, nothing inside strings or block scalars', () => {
  const yamlGrammars = readdirSync(join(repoRoot, 'test/grammar/yaml')).filter((f) => f.endsWith('.tmLanguage.json'));
  const cli = join(repoRoot, 'node_modules/vscode-tmgrammar-test/dist/unit.js');
  const args = [cli, ...yamlGrammars.flatMap((g) => ['-g', join('test/grammar/yaml', g)]), '-c', 'test/grammar/*.test.yaml'];
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
});

test('directive grammar is contributed as an injection into source.yaml', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { grammars: { path: string; injectTo?: string[]; scopeName: string }[] } };
  const grammar = pkg.contributes.grammars.find((g) => g.scopeName === 'podsight.directives.injection');
  assert.deepEqual(grammar?.injectTo, ['source.yaml']);
  const json = JSON.parse(readFileSync(join(repoRoot, grammar?.path ?? ''), 'utf8')) as { scopeName: string; injectionSelector: string };
  assert.equal(json.scopeName, 'podsight.directives.injection');
  assert.match(json.injectionSelector, /comment\.line\.number-sign\.yaml/);
});
