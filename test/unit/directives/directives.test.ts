import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from '../../../server/src/core/analyze';
import { scanComments, scanDirectives } from '../../../server/src/core/directives';
import { LineIndex } from '../../../server/src/core/line-index';
import { check, findings, yaml } from '../../helpers/check';

const conflict = (directive: string, where: 'before-second' | 'top' = 'before-second'): string => yaml`
  ${where === 'top' ? directive : '# header'}
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
    - name: a
      image: x
      ports: [{containerPort: 80}]
    - name: b
      image: y
      ports:
      ${where === 'before-second' ? directive : '# nothing'}
      - containerPort: 80
`;

test('scanComments never takes # inside quotes or block scalars for a comment', () => {
  const text = 'a: "x # y"\nb: \'# z\'\nc: |\n  # not a comment\nd: 1 # real\n# also real\n';
  assert.deepEqual(scanComments(text).map((c) => c.text), ['# real', '# also real']);
  for (const c of scanComments(text)) assert.equal(text.slice(c.start, c.start + c.text.length), c.text);
});

test('scanDirectives parses kinds, rule lists with spans, reasons, and the covered line', () => {
  const text = '# podsight-disable a, b -- legacy chart\nx: 1\n# podsight-disable-next-line\n\n# other\ny: 2\n';
  const ds = scanDirectives(text, new LineIndex(text));
  assert.equal(ds.length, 2);
  assert.equal(ds[0]?.kind, 'file');
  assert.deepEqual(ds[0]?.rules.map((r) => [r.id, text.slice(r.start, r.end)]), [['a', 'a'], ['b', 'b']]);
  assert.equal(ds[1]?.kind, 'next-line');
  assert.deepEqual(ds[1]?.rules, []);
  assert.equal(ds[1]?.line, 5, 'skips blank and comment lines');
  assert.deepEqual(scanDirectives('# podsight-disabled x\n', new LineIndex('# podsight-disabled x\n')), []);
});

test('next-line directive suppresses the finding on the following line', () => {
  assert.equal(findings(conflict('# podsight-disable-next-line port-conflict'), 'port-conflict').length, 0);
  assert.equal(check(conflict('# podsight-disable-next-line port-conflict')).filter((f) => f.rule === 'unused-disable-directive').length, 0);
  assert.equal(findings(conflict('# podsight-disable-next-line'), 'port-conflict').length, 0);
});

test('a directive for another rule does not suppress, and is reported unused', () => {
  const found = check(conflict('# podsight-disable-next-line unused-volume'));
  assert.equal(found.filter((f) => f.rule === 'port-conflict').length, 1);
  const unused = found.filter((f) => f.rule === 'unused-disable-directive');
  assert.equal(unused.length, 1);
  assert.equal(unused[0]?.text, 'unused-volume');
  assert.equal(unused[0]?.severity, 'information');
  assert.deepEqual(unused[0]?.tags, ['unnecessary']);
  assert.equal(unused[0]?.data?.reason, 'unused');
});

test('file directive anywhere suppresses the rule everywhere', () => {
  assert.equal(findings(conflict('# podsight-disable port-conflict', 'top'), 'port-conflict').length, 0);
  assert.equal(check(conflict('# podsight-disable', 'top')).length, 0);
});

test('unknown rules get their own message; unused all-rule directives are reported', () => {
  const found = findings(conflict('# podsight-disable port-conflict, no-such-rule', 'top'), 'unused-disable-directive');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.data?.reason, 'unknown-rule');
  assert.match(found[0]?.message ?? '', /Unknown rule "no-such-rule"/);
  const clean = yaml`
    # podsight-disable-next-line
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec: {containers: [{name: a, image: x}]}
  `;
  const unused = findings(clean, 'unused-disable-directive');
  assert.equal(unused[0]?.data?.reason, 'unused-all');
  assert.equal(unused[0]?.text, '# podsight-disable-next-line');
});

test('directives naming a rule that is off are not reported; the report itself can be disabled', () => {
  const text = conflict('# podsight-disable-next-line unused-volume');
  assert.equal(findings(text, 'unused-disable-directive', { rules: { 'unused-volume': 'off' } }).length, 0);
  assert.equal(findings(text, 'unused-disable-directive', { rules: { 'unused-disable-directive': 'off' } }).length, 0);
  const silenced = '# podsight-disable unused-disable-directive\n' + text;
  assert.equal(findings(silenced, 'unused-disable-directive').length, 0);
});

test('a directive inside a block scalar or a string is not honoured', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: a
        image: x
        args: ["# podsight-disable port-conflict"]
        ports: [{containerPort: 80}]
      - name: b
        image: y
        command:
        - |
          # podsight-disable-next-line
        ports: [{containerPort: 80}]
  `;
  assert.equal(findings(text, 'port-conflict').length, 1);
});

test('directive messages exist in Chinese', () => {
  const found = findings(conflict('# podsight-disable-next-line unused-volume'), 'unused-disable-directive', { locale: 'zh-cn' });
  assert.match(found[0]?.message ?? '', /此指令/);
});

test('directives are applied after the chunk cache: editing one chunk re-filters the others', () => {
  const body = conflict('# nothing');
  const withDirective = `# podsight-disable port-conflict\n---\n${body}`;
  const without = `# podsight-disable unused-volume\n---\n${body}`;
  const analyzer = new Analyzer();
  const first = analyzer.analyze(withDirective);
  assert.equal(first.findings.filter((f) => f.rule === 'port-conflict').length, 0);
  const second = analyzer.analyze(without);
  assert.equal(second.findings.filter((f) => f.rule === 'port-conflict').length, 1);
  assert.equal(second.chunks[1]?.analysis, first.chunks[1]?.analysis, 'the pod chunk was not re-analysed');
  const third = analyzer.analyze(withDirective);
  assert.equal(third.findings.filter((f) => f.rule === 'port-conflict').length, 0);
});
