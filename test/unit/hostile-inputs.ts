/**
 * Hostile YAML, shared by `hostile.test.ts` (no throw, termination, sane ranges), the LSP
 * robustness test and `npm run fuzz` (which measures time and memory for each).
 */
import { locate } from '../../server/src/core/locate';
import { analyzeStrict, checkInvariants } from './fuzz/properties';

const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}`;
const twoNginx = '  containers:\n  - name: a\n    image: nginx\n    ports: [{containerPort: 80}]\n  - name: b\n    image: nginx\n    ports: [{containerPort: 80}]\n';

/** Builders (not strings, so that importing this file costs nothing). */
export const hostileInputs: Record<string, () => string> = {
  'billion-laughs-seq': () => {
    let text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i < 10; i++) text += `    a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]\n`;
    return `${text}spec:\n  containers: *a9\n  volumes: *a9\n`;
  },
  'billion-laughs-map': () => {
    let text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nx0: &x0 {a: 1}\n';
    for (let i = 1; i < 10; i++) text += `x${i}: &x${i} {${Array.from({ length: 10 }, (_, j) => `k${j}: *x${i - 1}`).join(', ')}}\n`;
    return `${text}spec:\n  containers:\n  - *x9\n  volumes: [*x9]\n  nodeSelector: *x9\n`;
  },
  'merge-key-bomb': () => {
    let text = 'apiVersion: v1\nkind: Pod\nmetadata: &x0 {name: p, b: 2}\n';
    for (let i = 1; i < 40; i++) text += `x${i}: &x${i} {<<: [*x${i - 1}, *x${i - 1}], k${i}: [*x${i - 1}, *x${i - 1}]}\n`;
    return `${text}spec:\n  <<: *x39\n  containers:\n  - <<: [*x39, *x39]\n    name: a\n`;
  },
  'cyclic-alias': () => 'apiVersion: v1\nkind: Pod\nspec: &s\n  containers: [*s]\n  volumes: [*s]\n  x: *s\n',
  'cyclic-merge': () => 'apiVersion: v1\nkind: Pod\nspec: &s\n  <<: *s\n  containers: [&c {<<: *c, name: a}]\n',
  'undefined-alias': () => 'apiVersion: v1\nkind: &k Pod\nspec: *nothing\nmetadata: *k\n',
  'deep-flow-seq-10000': () => pod(`  containers:\n  - ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
  'deep-flow-map-10000': () => `apiVersion: v1\nkind: Pod\nmetadata: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\nspec: ${'{containers: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
  'deep-block-map-2000': () => {
    let text = 'apiVersion: v1\nkind: Pod\nspec:\n';
    for (let i = 0; i < 2000; i++) text += `${' '.repeat(i + 1)}containers:\n`;
    return text;
  },
  'deep-list-10000': () => `apiVersion: v1\nkind: List\nitems: ${'[{apiVersion: v1, kind: List, items: '.repeat(5000)}[]${'}]'.repeat(5000)}\n`,
  'list-100000-args': () => pod(`  containers:\n  - name: a\n    image: nginx\n    args:\n${'    - x\n'.repeat(100_000)}`),
  'list-100000-flow': () => pod(`  containers: [${'{name: a}, '.repeat(100_000)}]\n`),
  'volumes-20000': () => pod(`  containers: [{name: a, image: busybox, volumeMounts: [{name: v0, mountPath: /a}]}]\n  volumes:\n${Array.from({ length: 20_000 }, (_, i) => `  - {name: v${i}, emptyDir: {}}\n`).join('')}`),
  'long-line-5MB': () => pod(`  containers:\n  - name: ${'a'.repeat(5_000_000)}\n`),
  'long-key-1MB': () => pod(`  ${'a'.repeat(1_000_000)}: 1\n  containers: [{name: b, volumeMounts: [{name: ${'v'.repeat(100_000)}, mountPath: /x}]}]\n`),
  'many-documents': () => 'apiVersion: v1\nkind: Pod\n---\n'.repeat(20_000),
  'many-syntax-errors': () => `apiVersion: v1\nkind: Pod\n${'{]\n'.repeat(2000)}`,
  bom: () => `\uFEFF${pod(twoNginx)}`,
  'bom-every-document': () => `\uFEFF${pod(twoNginx)}---\n\uFEFF${pod(twoNginx)}`,
  tabs: () => pod('\tcontainers:\n\t- name: a\n\t\timage: nginx\n'),
  'nul-bytes': () => pod('  containers:\n  - name: a\0b\n    image: nginx\0\n\0\0\0\n'),
  'lone-surrogates': () => pod('  containers:\n  - name: \uD800x\n    image: \uDC00\n    ports: [{containerPort: 80, name: "\uD83D"}]\n'),
  'invalid-utf8-decoded': () => pod(`  containers:\n  - name: ${Buffer.from([0xc3, 0x28, 0xff, 0xfe]).toString('utf8')}\n`),
  emoji: () => pod('  containers:\n  - name: 😀😀\n    image: nginx\n    ports: [{containerPort: 80}]\n  - name: 👩‍👩‍👧\n    image: nginx\n    ports: [{containerPort: 80}]\n'),
  crlf: () => pod(twoNginx).replace(/\n/g, '\r\n'),
  'mixed-line-endings': () => pod('  containers:\r\n  - name: a\r    image: nginx\n    ports: [{containerPort: 80}]\r\n  - name: b\r\r\n    image: nginx\n    ports: [{containerPort: 80}]\r'),
  'lone-cr-only': () => pod(twoNginx).replace(/\n/g, '\r'),
  'huge-numbers': () => pod(`  containers:\n  - name: a\n    ports: [{containerPort: ${'9'.repeat(400)}}, {containerPort: 1e309}, {containerPort: -0}, {containerPort: 0x7fffffffffffffffff}, {hostPort: .inf}]\n`),
  'only-markers': () => '---\n...\n---\n%YAML 1.1\n---\n',
  empty: () => '',
  'prototype-keys': () => ['toString', 'constructor', '__proto__', 'hasOwnProperty'].map((k) => `apiVersion: ${k}\nkind: ${k}\nmetadata: {name: ${k}, labels: {__proto__: x}}\nspec:\n  containers: [{name: a, image: ${k}, ports: [{containerPort: 80, protocol: ${k}}]}]\n  ${k}: 1\n`).join('---\n'),
};

/** Analyses a hostile input, checks the invariants and probes `locate`; returns the finding count. */
export function runHostile(text: string): number {
  const analysis = analyzeStrict(text);
  checkInvariants(text, analysis);
  for (let i = 0; i < 50; i++) locate(analysis, Math.floor((text.length * i) / 49));
  return analysis.findings.length;
}
