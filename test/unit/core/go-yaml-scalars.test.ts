/**
 * Plain scalars read as kubectl's go-yaml v2 reads them (core/go-yaml-scalars.ts), by `yaml` and
 * by the quick parser alike; and what that changes for a rule that checks a value's type.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { goReadsFloat } from '../../../server/src/core/go-yaml-scalars';
import { parseWithYaml, YAML_OPTIONS } from '../../../server/src/core/parse';
import { quickParse } from '../../../server/src/core/quick-parse';
import { analyzeText } from '../../../server/src/core/analyze';

/** What go-yaml v2 (resolve.go) makes of each plain scalar; `NaN` spelled as a string. */
const GO_READS: readonly [string, unknown][] = [
  // No digits: strings (a `git clone URL .` argument, `--context=.`).
  ['.', '.'],
  ['._', '._'],
  ['-.', '-.'],
  ['+.', '+.'],
  ['.e5', '.e5'],
  ['e5', 'e5'],
  ['E10', 'E10'],
  ['.1_5', '.1_5'],
  // Floats with digits, and the named ones.
  ['.5', 0.5],
  ['-.5', -0.5],
  ['.5e3', 500],
  ['1.', 1],
  ['1.5', 1.5],
  ['1_0.5', 10.5],
  ['1e3', 1000],
  ['-2.5E-1', -0.25],
  ['.nan', 'NaN'],
  ['.inf', Infinity],
  ['-.Inf', -Infinity],
  // Integers as before.
  ['1_000', 1000],
  ['0x1F', 31],
  ['017', 15],
  ['-0b11', -3],
  // No base 60.
  ['1:30', '1:30'],
  ['10:00', '10:00'],
  ['1:30.5', '1:30.5'],
  // Timestamps: strings when decoded into an untyped value, as sigs.k8s.io/yaml does.
  ['2024-05-01', '2024-05-01'],
  ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
  ['2002-12-14', '2002-12-14'],
];

const valueOf = (doc: { toJS(): unknown } | undefined): unknown => {
  const value = (doc?.toJS() as { v: unknown } | undefined)?.v;
  return typeof value === 'number' && Number.isNaN(value) ? 'NaN' : value;
};

test('plain scalars: yaml and the quick parser read them as go-yaml v2 does', () => {
  for (const [source, expected] of GO_READS) {
    const text = `v: ${source}\n`;
    assert.deepEqual(valueOf(parseWithYaml(text)[0]), expected, `yaml on ${source}`);
    const quick = quickParse(text, YAML_OPTIONS);
    assert.ok(quick, `the quick parser takes ${source}`);
    assert.deepEqual(valueOf(quick), expected, `quick parser on ${source}`);
  }
});

test('goReadsFloat: a float needs a digit', () => {
  assert.deepEqual(
    ['.', '._', '-.', 'e5', '.5', '5.', '-1_0.5e2', '.5_0'].map(goReadsFloat),
    [false, false, false, false, true, true, true, false],
  );
});

test('invalid-value: `.` in args is a string (kubectl applies it); a float there is still reported', () => {
  const pod = (arg: string): string =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: clone}\nspec:\n  containers:\n  - name: git\n    image: alpine/git\n    args: [clone, https://example.com/r.git, ${arg}]\n    env:\n    - {name: AT, value: 10:00}\n`;
  const invalid = (arg: string): string[] => analyzeText(pod(arg)).findings.filter((f) => f.rule === 'invalid-value').map((f) => f.message);
  assert.deepEqual(invalid('.'), []);
  assert.deepEqual(invalid('-.'), []);
  assert.equal(invalid('.5').length, 1);
  assert.match(invalid('.5')[0] as string, /args\[2\] must be string, not \.5\. /);
});

test('invalid-value: a date and a `!!str` boolean word are strings to kubectl (annotations, data, args, env)', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: build\n  annotations: {build-date: 2024-05-01}\n  labels: {enabled: !!str true}\ndata:\n  RELEASE: 2024-01-02\n  FEATURE: !!str yes\n  UNQUOTED: y\n`;
  const invalid = analyzeText(text).findings.filter((f) => f.rule === 'invalid-value');
  assert.deepEqual(
    invalid.map((f) => f.message.slice(0, 39)),
    ['data[UNQUOTED] must be string, but Kube'],
    'only the plain `y` (a boolean to go-yaml) is reported',
  );
});
