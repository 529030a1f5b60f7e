import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { applyEdits, fixesFor, ruleFixes } from '../../../server/src/fixes';
import type { Finding } from '../../../server/src/rules/types';
import { yaml } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const text = yaml`
  # Licence header.
  # Second line of the header.
  apiVersion: v1
  kind: Pod
  metadata: {name: d}
  spec:
    containers:
    - name: a
      image: busybox
      volumeMounts:
      - name: missing
        mountPath: /m
`;

/** An undefined-volume finding on `needle`, built by hand: once directives work, the analysis no longer reports it. */
function at(src: string, needle: string): Finding {
  const start = src.indexOf(needle);
  return { rule: 'undefined-volume', severity: 'error', message: '', start, end: start + needle.length, related: [] };
}

test('disable for this line: a directive above the line, at its indentation', () => {
  applyFix(text, 'undefined-volume', /for this line/, text.replace('    - name: missing', '    # podsight-disable-next-line undefined-volume\n    - name: missing'), { gone: false });
});

test('disable for this file: after the leading comment block; an existing directive gets the rule added', () => {
  applyFix(text, 'undefined-volume', /for this file/, text.replace('header.\napiVersion', 'header.\n# podsight-disable undefined-volume\napiVersion'), { gone: false });
  const withDirective = '# podsight-disable unused-volume\n' + text;
  applyFix(withDirective, 'undefined-volume', /for this file/, withDirective.replace('# podsight-disable unused-volume', '# podsight-disable unused-volume, undefined-volume'), { gone: false });
  const noHeader = text.replace(/^#.*\n#.*\n/, '');
  applyFix(noHeader, 'undefined-volume', /for this file/, '# podsight-disable undefined-volume\n' + noHeader, { gone: false });
});

test('disable for this line extends a directive already above the line; a rule already listed offers nothing', () => {
  const one = text.replace('    - name: missing', '    # podsight-disable-next-line unused-volume\n    - name: missing');
  applyFix(one, 'undefined-volume', /for this line/, one.replace('line unused-volume', 'line unused-volume, undefined-volume'), { gone: false });
  const listed = text.replace('    - name: missing', '    # podsight-disable-next-line undefined-volume\n    - name: missing');
  assert.ok(!fixesFor(analyzeText(listed), at(listed, 'missing')).some((f) => /for this line/.test(f.title)));
});

test('every rule offers both "disable" actions, including ones without fixes', () => {
  const nested = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: n}
    spec:
      containers:
      - name: a
        image: busybox
        volumeMounts:
        - {name: a, mountPath: /a}
        - {name: b, mountPath: /a/b}
      volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}]
  `;
  assert.deepEqual(fixesOf(nested, 'nested-mount-path').fixes.map((f) => f.title), ['Disable nested-mount-path for this line', 'Disable nested-mount-path for this file']);
});

test('a rule is added before a directive\'s ` -- reason`; a directive without rules already covers everything', () => {
  const reasoned = '# podsight-disable unused-volume -- scratch pod\n' + text;
  applyFix(reasoned, 'undefined-volume', /for this file/, reasoned.replace('unused-volume -- scratch', 'unused-volume, undefined-volume -- scratch'), { gone: false });
  const all = '# podsight-disable\n' + text;
  assert.ok(!fixesFor(analyzeText(all), at(all, 'missing')).some((f) => /for this file/.test(f.title)));
});

test('unused-disable-directive: remove the rule named in vain, or the whole directive', () => {
  // The directive scanner lives with the suppression feature; its findings are built here by hand.
  const src = '# podsight-disable port-conflict, unused-volume -- legacy\napiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  # podsight-disable-next-line\n  - {name: a, image: busybox}\n';
  const analysis = analyzeText(src);
  const finding = (needle: string, data: Record<string, unknown>): Finding => {
    const start = src.indexOf(needle);
    return { rule: 'unused-disable-directive', severity: 'information', message: '', start, end: start + needle.length, related: [], data };
  };
  const first = ruleFixes(analysis, finding('port-conflict', { reason: 'unused', kind: 'file', ruleId: 'port-conflict' }));
  assert.equal(first[0]?.title, 'Remove port-conflict from this directive');
  assert.equal(applyEdits(src, first[0]?.edits ?? []), src.replace('port-conflict, ', ''));
  const second = ruleFixes(analysis, finding('unused-volume', { reason: 'unused', kind: 'file', ruleId: 'unused-volume' }));
  assert.equal(applyEdits(src, second[0]?.edits ?? []), src.replace(', unused-volume', ''));
  const all = ruleFixes(analysis, finding('# podsight-disable-next-line', { reason: 'unused-all', kind: 'next-line' }));
  assert.equal(applyEdits(src, all[0]?.edits ?? []), src.replace('  # podsight-disable-next-line\n', ''));
  const only = '# podsight-disable unused-volume\n' + text;
  const alone = ruleFixes(analyzeText(only), { rule: 'unused-disable-directive', severity: 'information', message: '', start: 19, end: 32, related: [], data: { reason: 'unused' } });
  assert.equal(applyEdits(only, alone[0]?.edits ?? []), text);
});

test('unused-disable-directive (real findings): the quick fix removes the directive and the finding', () => {
  const unused = '# podsight-disable port-conflict\n' + text;
  applyFix(unused, 'unused-disable-directive', /Remove this unused directive/, text);
  const partly = text.replace('    - name: missing', '    # podsight-disable-next-line port-conflict, undefined-volume\n    - name: missing');
  applyFix(partly, 'unused-disable-directive', /Remove port-conflict from this directive/, partly.replace('port-conflict, ', ''));
});
