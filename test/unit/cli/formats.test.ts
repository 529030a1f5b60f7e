/** Output formats of `podsight check` on findings built by hand: text, GitHub commands, SARIF, exit policy. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exitCodeFor, parseMaxWarnings } from '../../../server/src/cli/exit-policy';
import { formatFindings, formatJson, useColor, type CliFinding, type FormatContext } from '../../../server/src/cli/formats';
import { ruleHelp } from '../../../server/src/cli/sarif';
import { ruleCatalogue } from '../../../server/src/rules';

const cwd = '/repo';
const file = '/repo/k8s/pod.yaml';
const text = 'kind: Pod\nspec:\n  containers:\n  - {name: a, ports: [{containerPort: 80}]}\n  - {name: b, ports: [{containerPort: 80}]}\n';
const range = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });
const conflict: CliFinding = {
  file,
  rule: 'port-conflict',
  severity: 'error',
  message: 'Port 80/TCP, already declared: 50%\nsecond line',
  range: range(4, 38, 40),
  related: [{ file, range: range(3, 38, 40), message: 'Container "a" declares 80/TCP here.' }],
};
const warning: CliFinding = { file, rule: 'unused-volume', severity: 'warning', message: 'w', range: range(1, 0, 4) };
const ctx = (color = false): FormatContext => ({ sources: new Map([[file, text]]), color, locale: 'en', cwd });

test('text: file:line:col, the source line with carets under the range, the related place, a summary', () => {
  const out = formatFindings('text', [conflict], ctx());
  const lines = out.split('\n');
  assert.equal(lines[0], '/repo/k8s/pod.yaml:5:39: error Port 80/TCP, already declared: 50%\nsecond line [port-conflict]'.split('\n')[0]);
  const frame = lines.findIndex((l) => l.startsWith('  5 | '));
  assert.ok(frame > 0, out);
  const caret = lines[frame + 1] ?? '';
  assert.equal(caret.indexOf('^'), lines[frame]!.indexOf('80'), 'the caret sits under 80');
  assert.match(caret, /^ +\| +\^\^$/);
  assert.match(out, /related: \/repo\/k8s\/pod\.yaml:4:39: Container "a" declares 80\/TCP here\./);
  assert.match(out, /1 finding \(an error\)\n$/);
  assert.doesNotMatch(out, /\u001b\[/, 'no colour codes when colour is off');
  assert.match(formatFindings('text', [conflict], ctx(true)), /\u001b\[31merror\u001b\[0m/);
});

test('text: findings are grouped by file and ordered by line', () => {
  const other: CliFinding = { ...warning, file: '/repo/b.yaml' };
  const out = formatFindings('text', [conflict, other, warning], ctx());
  const order = [...out.matchAll(/^(\/repo\/[^:]+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
  assert.deepEqual(order, ['/repo/k8s/pod.yaml:2', '/repo/k8s/pod.yaml:5', '/repo/b.yaml:2']);
});

test('text: carets by terminal cells under Chinese text, and the summary in each plural (sweep DV)', () => {
  const zhFile = '/repo/zh.yaml';
  const zhText = 'metadata: {name: 测试, namespace: weilus.cloud}\n';
  const zh: CliFinding = { file: zhFile, rule: 'invalid-name', severity: 'error', message: 'm', range: range(0, 17, 19) };
  const out = formatFindings('text', [zh, { ...zh, range: range(0, 32, 44) }, { ...zh, severity: 'warning' }], { ...ctx(), sources: new Map([[zhFile, zhText]]) });
  const carets = out.split('\n').filter((l) => l.includes('^'));
  // 测试 takes four cells: its carets cover both characters, and the next caret lands under "weilus".
  assert.match(carets[0] ?? '', /\| {18}\^{4}$/);
  assert.ok(carets.some((l) => /\| {35}\^{12}$/.test(l)), carets.join('\n'));
  assert.match(out, /3 findings \(2 errors, 1 warning, 0 notes\)\n$/);
  assert.match(formatFindings('text', [zh, zh], { ...ctx(), locale: 'zh-cn' }), /共 2 个问题（2 个错误，0 个警告，0 个提示）/);
});

test('colour: on a TTY unless NO_COLOR; FORCE_COLOR forces it', () => {
  assert.equal(useColor(true, {}), true);
  assert.equal(useColor(false, {}), false);
  assert.equal(useColor(true, { NO_COLOR: '1' }), false);
  assert.equal(useColor(false, { FORCE_COLOR: '1' }), true);
});

test('github: workflow commands with file, line, endLine, col, endColumn and escaped data', () => {
  const out = formatFindings('github', [conflict, { ...warning, severity: 'information' }], ctx());
  const [first, second] = out.split('\n');
  assert.equal(
    first,
    '::error file=k8s/pod.yaml,line=5,endLine=5,col=39,endColumn=41,title=podsight port-conflict::Port 80/TCP, already declared: 50%25%0Asecond line',
  );
  assert.match(second ?? '', /^::notice file=k8s\/pod\.yaml,line=2,endLine=2,col=1,endColumn=5,title=podsight unused-volume::w$/);
});

test('json keeps the five-field contract', () => {
  assert.deepEqual(Object.keys(JSON.parse(formatJson([conflict]))[0]).sort(), ['file', 'message', 'range', 'rule', 'severity']);
});

test('sarif: rules with help from docs/rules, relative URIs, related locations, stable fingerprints', () => {
  const sarif = JSON.parse(formatFindings('sarif', [conflict], ctx()));
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.rules.length, ruleCatalogue().length);
  for (const rule of run.tool.driver.rules) {
    assert.ok(rule.fullDescription.text.length > 10, `${rule.id}: fullDescription`);
    assert.ok(rule.help.text && rule.help.markdown.startsWith(`# \`${rule.id}\``), `${rule.id}: help from its page`);
    assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
  }
  const result = run.results[0];
  assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'k8s/pod.yaml', uriBaseId: '%SRCROOT%' });
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///repo/');
  assert.deepEqual(result.relatedLocations[0].physicalLocation.region, { startLine: 4, startColumn: 39, endLine: 4, endColumn: 41 });
  // The same finding two lines lower (lines added above it) keeps its fingerprint.
  const shifted = { ...conflict, range: range(6, 38, 40) };
  const moved = JSON.parse(formatFindings('sarif', [shifted], { ...ctx(), sources: new Map([[file, `# a\n# b\n${text}`]]) }));
  assert.deepEqual(moved.runs[0].results[0].partialFingerprints, result.partialFingerprints);
  const other = JSON.parse(formatFindings('sarif', [{ ...conflict, rule: 'host-port-conflict' }], ctx()));
  assert.notDeepEqual(other.runs[0].results[0].partialFingerprints, result.partialFingerprints);
});

test('ruleHelp: the summary is the paragraph under the title', () => {
  const help = ruleHelp('port-conflict');
  assert.equal(help.full, 'Two containers that run at the same time declare the same containerPort and protocol, and both processes really listen there.');
  assert.equal(help.short, help.full);
});

test('exit policy: --fail-on and --max-warnings', () => {
  const findings = [{ severity: 'warning' as const }, { severity: 'warning' as const }, { severity: 'information' as const }];
  assert.equal(exitCodeFor(findings, { failOn: 'error' }), 0);
  assert.equal(exitCodeFor(findings, { failOn: 'warning' }), 1);
  assert.equal(exitCodeFor(findings, { failOn: 'information' }), 1);
  assert.equal(exitCodeFor([{ severity: 'error' }], { failOn: 'never' }), 0);
  assert.equal(exitCodeFor(findings, { failOn: 'error', maxWarnings: 2 }), 0);
  assert.equal(exitCodeFor(findings, { failOn: 'error', maxWarnings: 1 }), 1);
  assert.equal(parseMaxWarnings('-1'), null);
  assert.equal(parseMaxWarnings('x'), undefined);
});
