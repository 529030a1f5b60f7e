// The file rules' memo (core/file-rule-memo.ts) re-checks only the chunks an edit changed. Random
// edit sequences over a file where every file rule has something to say must give, after each
// edit, exactly what a fresh analysis of the same text gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer, analyzeText } from '../../../server/src/core/analyze';
import { fileRules } from '../../../server/src/rules';
import type { FileRule, PeerPods } from '../../../server/src/rules/types';
import { random } from '../../helpers/random';

const pod = (i: number, o: { app?: string; port?: number; image?: string; hostPort?: number; extra?: string } = {}): string =>
  [
    '---',
    'apiVersion: apps/v1',
    `kind: ${o.hostPort ? 'DaemonSet' : 'Deployment'}`,
    `metadata: {name: w${i}}`,
    'spec:',
    `  selector: {matchLabels: {app: ${o.app ?? `a${i % 5}`}}}`,
    '  template:',
    `    metadata: {labels: {app: ${o.app ?? `a${i % 5}`}, tier: t${i % 3}}}`,
    '    spec:',
    '      containers:',
    '      - name: web',
    `        image: ${o.image ?? 'nginx'}`,
    `        ports: [{name: http, containerPort: ${o.port ?? 80}${o.hostPort ? `, hostPort: ${o.hostPort}` : ''}}]`,
    '        env: [{name: K, valueFrom: {configMapKeyRef: {name: conf, key: mode}}}]',
    '        volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}]',
    '      - name: side',
    '        image: example.com/side:1',
    '        ports: [{name: http, containerPort: 9000}]',
    ...(o.extra ? [o.extra] : []),
    '      volumes: [{name: conf, configMap: {name: conf}}]',
    '',
  ].join('\n');
const service = (i: number, app: string, target: string | number): string =>
  `---\napiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec:\n  selector: {app: ${app}}\n  ports: [{name: web, port: 80, targetPort: ${target}}]\n`;
const configMap = (listen: number, key = 'mode'): string =>
  `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: conf}\ndata:\n  ${key}: fast\n  default.conf: |\n    server { listen ${listen}; }\n`;
const ingress = (service: string, port: number): string =>
  `---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: in}\nspec:\n  rules:\n  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: ${service}, port: {number: ${port}}}}}\n`;


test('random edit sequences: the file rules after each edit equal a fresh analysis', () => {
  const next = random(13);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const makers: (() => string)[] = [
    () => pod(Math.floor(next() * 9), { app: pick(['a1', 'a2', 'a11', 'b']), port: pick([80, 8080, 9000]), image: pick(['nginx', 'redis', 'example.com/x']) }),
    () => pod(Math.floor(next() * 9), { hostPort: pick([80, 9100]) }),
    () => pod(Math.floor(next() * 9), { extra: '        readinessProbe: {httpGet: {port: 9000}}' }),
    () => service(Math.floor(next() * 4), pick(['a1', 'a2', 'a3', 'a11']), pick(['http', 'htp', 80, 8080, 9000])),
    () => configMap(pick([80, 8080]), pick(['mode', 'mood'])),
    () => ingress(pick(['s1', 's2', 's9']), pick([80, 8080])),
  ];
  let checked = 0;
  for (let sequence = 0; sequence < 25; sequence++) {
    const docs = Array.from({ length: 10 }, () => pick(makers)());
    const analyzer = new Analyzer();
    analyzer.analyze(docs.join(''));
    for (let step = 0; step < 12; step++) {
      const at = Math.floor(next() * docs.length);
      const what = next();
      if (what < 0.5) docs[at] = pick(makers)();
      else if (what < 0.65) docs.splice(at, 0, pick(makers)());
      else if (what < 0.8 && docs.length > 2) docs.splice(at, 1);
      // In place: what a container runs or declares changes, its labels do not.
      else if (what < 0.85) docs[at] = (docs[at] as string).replace(/containerPort: \d+/, `containerPort: ${pick([80, 8080, 9000])}`);
      else if (what < 0.92) docs[at] = (docs[at] as string).replace(/image: \S+/, `image: ${pick(['nginx', 'redis', 'example.com/y'])}`);
      else [docs[0], docs[at]] = [docs[at] as string, docs[0] as string];
      const text = docs.join('');
      assert.deepEqual(analyzer.analyze(text).findings, analyzeText(text).findings, `sequence ${sequence}, step ${step}:\n${text}`);
      checked++;
    }
  }
  assert.equal(checked, 300);
});

test('the generated file has findings of the file rules (the sequences test something)', () => {
  const text = [pod(1), pod(2, { hostPort: 80 }), pod(3, { hostPort: 80 }), service(1, 'a1', 'htp'), configMap(8080, 'mood'), ingress('s1', 8080), pod(4, { extra: '        readinessProbe: {httpGet: {port: 9000}}' })].join('');
  const rules = new Set(analyzeText(text).findings.map((f) => f.rule));
  for (const id of ['port-not-served', 'service-target-port', 'missing-config-key', 'dangling-backend', 'host-port-conflict', 'duplicate-port-name']) assert.ok(rules.has(id), `${id} in ${[...rules].join(', ')}`);
});

test('a whole-file pass in batches, and passes that interleave, give what a fresh analysis gives', async () => {
  // More chunks than a few batches (200 each), with Services and ConfigMaps spread over them.
  const docs = Array.from({ length: 900 }, (_, i) => (i % 97 === 0 ? service(i, `a${i % 5}`, 'htp') : i % 131 === 0 ? configMap(8080) : pod(i, { port: i % 2 ? 80 : 8080 })));
  const base = docs.join('');
  const analyzer = new Analyzer();
  assert.deepEqual(analyzer.analyze(base).findings, analyzeText(base).findings, 'first, whole-file pass');
  const edited = (i: number, d: string): string => docs.map((x, k) => (k === i ? d : x)).join('');
  const a = edited(450, pod(450, { image: 'redis' }));
  const b = edited(20, service(20, 'a1', 9000));
  // A run in slices, with a synchronous analysis of other text made while it pauses.
  const sliced = analyzer.analyzeInSlices(a, {}, { sliceMs: 0 });
  const sync = analyzer.analyze(b);
  assert.deepEqual((await sliced)?.findings, analyzeText(a).findings, 'the run in slices');
  assert.deepEqual(sync.findings, analyzeText(b).findings, 'the synchronous run in between');
  const c = edited(700, configMap(80));
  assert.deepEqual(analyzer.analyze(c).findings, analyzeText(c).findings, 'an edit after both');
});

/** A peer as the language server makes it from an open document's chunks (lsp/documents.ts keepPeer). */
function openPeer(analyzer: Analyzer, source: string, text: string): PeerPods {
  const chunks = analyzer.chunksOf(text).filter((c) => !c.analysis.chunk.templated);
  return { source, pods: chunks.flatMap((c) => c.analysis.pods), objects: chunks.flatMap((c) => c.analysis.objects), chunks: chunks.map((c) => c.analysis), templated: [] };
}

test('random edits of a neighbouring open file: the file rules equal a fresh analysis with the same peers', () => {
  const next = random(29);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const apps = ['web', 'wbe', 'api', 'apx'];
  const makers: (() => string)[] = [
    () => pod(Math.floor(next() * 9), { app: pick(apps), port: pick([80, 8080, 9000]), image: pick(['nginx', 'redis', 'example.com/x']) }),
    () => pod(Math.floor(next() * 9), { hostPort: pick([80, 9100]) }),
    () => service(Math.floor(next() * 4), pick(apps), pick(['http', 'htp', 80, 8080, 9000])),
    () => configMap(pick([80, 8080]), pick(['mode', 'mood'])),
    () => ingress(pick(['s1', 's2', 's9']), pick([80, 8080])),
  ];
  const self = { source: 'file:///w/app/a.yaml' };
  let checked = 0;
  let kept = 0;
  for (let sequence = 0; sequence < 20; sequence++) {
    // The same folder (ConfigMaps count) or a folder below (Services and pods only).
    const source = pick(['file:///w/app/b.yaml', 'file:///w/app/copy/b.yaml']);
    const own = Array.from({ length: 8 }, () => pick(makers)());
    const theirs = Array.from({ length: 8 }, () => pick(makers)());
    const analyzer = new Analyzer();
    const peerAnalyzer = new Analyzer();
    analyzer.analyze(own.join(''), {}, [openPeer(peerAnalyzer, source, theirs.join(''))], self);
    for (let step = 0; step < 15; step++) {
      const docs = next() < 0.8 ? theirs : own;
      const at = Math.floor(next() * docs.length);
      const what = next();
      if (what < 0.4) docs[at] = pick(makers)();
      else if (what < 0.5) docs.splice(at, 0, pick(makers)());
      else if (what < 0.6 && docs.length > 2) docs.splice(at, 1);
      // In place: what a container runs, declares or is called changes, its labels do not.
      else if (what < 0.7) docs[at] = (docs[at] as string).replace(/containerPort: \d+/, `containerPort: ${pick([80, 8080, 9000])}`);
      else if (what < 0.8) docs[at] = (docs[at] as string).replace(/image: \S+/, `image: ${pick(['nginx', 'redis', 'example.com/y'])}`);
      else if (what < 0.9) docs[at] = (docs[at] as string).replace(/name: w\d/, `name: w${Math.floor(next() * 9)}`);
      else docs[at] = (docs[at] as string).replace(/listen \d+/, `listen ${pick([80, 8080, 9000])}`);
      const peers = [openPeer(peerAnalyzer, source, theirs.join(''))];
      const text = own.join('');
      const before = analyzer.analyze(text, {}, peers, self).findings;
      if (docs === theirs) kept++;
      assert.deepEqual(before, new Analyzer().analyze(text, {}, peers, self).findings, `sequence ${sequence}, step ${step}:\n${text}\n=== peer ${source}\n${theirs.join('')}`);
      checked++;
    }
  }
  assert.equal(checked, 300);
  assert.ok(kept > 100);
});

test('an edit of a neighbouring file that changes nothing a rule reads of it re-runs none of the file', () => {
  const own = Array.from({ length: 30 }, (_, i) => (i % 10 === 0 ? service(i, `a${i % 5}`, 'http') : i % 7 === 0 ? configMap(8080) : pod(i)));
  const theirs = Array.from({ length: 30 }, (_, i) => (i % 10 === 0 ? service(i, `a${i % 5}`, 'http') : pod(i)));
  const self = { source: 'file:///w/app/a.yaml' };
  const peerAnalyzer = new Analyzer();
  const analyzer = new Analyzer();
  analyzer.analyze(own.join(''), {}, [openPeer(peerAnalyzer, 'file:///w/app/copy/b.yaml', theirs.join(''))], self);
  // What a container of the peer runs: no ConfigMap, Service, host port or label changes.
  theirs[3] = (theirs[3] as string).replace('image: nginx', 'image: nginxy');
  const peers = [openPeer(peerAnalyzer, 'file:///w/app/copy/b.yaml', theirs.join(''))];
  const fresh = new Analyzer().analyze(own.join(''), {}, peers, self).findings;
  const calls = new Map<string, number>();
  const spied = fileRules.map((rule) => {
    const original = rule.checkFile;
    (rule as { checkFile: FileRule['checkFile'] }).checkFile = (ctx) => {
      calls.set(rule.id, (calls.get(rule.id) ?? 0) + 1);
      original.call(rule, ctx);
    };
    return () => ((rule as { checkFile: FileRule['checkFile'] }).checkFile = original);
  });
  try {
    assert.deepEqual(analyzer.analyze(own.join(''), {}, peers, self).findings, fresh);
  } finally {
    for (const restore of spied) restore();
  }
  const rerun = [...calls.keys()].filter((id) => fileRules.find((r) => r.id === id)?.peerContext);
  assert.deepEqual(rerun, [], `rules with a peer context that ran: ${rerun.join(', ')}`);
});

test('the pass after a big file\'s first documents asks the new chunks what they tell a rule only until one differs', () => {
  const docs = Array.from({ length: 300 }, (_, i) => (i % 10 === 0 ? service(i, `a${i % 5}`, 'http') : i % 7 === 0 ? configMap(8080) : pod(i)));
  const whole = docs.join('');
  const analyzer = new Analyzer();
  // What the language server analyses first (AnalysisStore.firstDocuments): the first documents alone.
  analyzer.analyze(docs.slice(0, 12).join(''));
  const asked = new Map<string, number>();
  const spied = fileRules
    .filter((rule) => rule.context)
    .map((rule) => {
      const original = rule.context as NonNullable<FileRule['context']>;
      (rule as { context: FileRule['context'] }).context = (model, options) => {
        const said = original.call(rule, model, options);
        // Chunks with nothing to tell a rule are passed over (a rule about host ports, most pods).
        if (said !== '') asked.set(rule.id, (asked.get(rule.id) ?? 0) + 1);
        return said;
      };
      return () => ((rule as { context: FileRule['context'] }).context = original);
    });
  try {
    assert.deepEqual(analyzer.analyze(whole).findings, analyzeText(whole).findings);
  } finally {
    for (const restore of spied) restore();
  }
  // A chunk or two replaced by ~290 new ones: each rule heard from a handful, not from all of them.
  for (const [id, n] of asked) assert.ok(n <= 20, `${id} was told something by ${n} chunks`);
  assert.ok(asked.size > 0, 'no rule was asked (the test tests nothing)');
});
