/**
 * fast-check generators for the fuzz suites: pod manifests of every pod-bearing kind (containers,
 * init containers, sidecars, ports, volumes, mounts, merge keys, flow and block style) and random
 * mutations of them (lines deleted, duplicated, swapped; truncation; random bytes; wrong types;
 * huge numbers; empty documents). Shared by `npm test` (bounded) and `npm run fuzz` (long).
 */
import fc from 'fast-check';
import { Document, isCollection, visit } from 'yaml';
import { POD_SPEC_PATHS } from '../../../server/src/k8s/workloads';

const KINDS = Object.keys(POD_SPEC_PATHS);
const APIS: Record<string, string> = { Pod: 'v1', PodTemplate: 'v1', ReplicationController: 'v1', CronJob: 'batch/v1', Job: 'batch/v1' };

/** Values of the wrong type for any field. */
const weird = fc.oneof(
  fc.constantFrom(null, true, false, '', '~', 'yes', 'NaN', '.inf', '0x1F', '0o17', '1e309', '-0', '{{ .Values.x }}', '*', '&', '[', '<<'),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 64, -1, 0, 65536, 1e308, -1e308, 3.5),
  fc.string({ maxLength: 12 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', 'name', 'path', 'Path'), fc.integer(), { maxKeys: 2 }),
);

const name = fc.oneof(fc.constantFrom('web', 'app', 'sidecar', 'log', 'data', 'cfg', 'Web', 'a_b'), fc.string({ maxLength: 8 }));
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> => fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: weird });
const image = fc.constantFrom('nginx', 'nginx:1.27', 'redis', 'postgres:16', 'busybox', 'grafana/grafana', 'myorg/api', 'quay.io/prometheus/node-exporter');
const path = fc.constantFrom('/data', '/data/', '/data/x', '/usr/share/nginx/html', '/var/log', '/var/log/app', '/etc/nginx', 'relative', '/');

const port = fc.record(
  {
    containerPort: maybe(fc.oneof(fc.constantFrom(80, 443, 8080, 9090, 6379), fc.integer({ min: -5, max: 70000 }))),
    hostPort: maybe(fc.constantFrom(80, 9100, 0)),
    protocol: maybe(fc.constantFrom('TCP', 'UDP', 'SCTP', 'tcp')),
    name: maybe(fc.constantFrom('http', 'metrics', 'Metrics_Port', 'grpc')),
  },
  { requiredKeys: [] },
);
const mount = fc.record({ name: maybe(name), mountPath: maybe(path), readOnly: maybe(fc.boolean()), subPath: maybe(fc.constantFrom('a', '')) }, { requiredKeys: [] });
const container = fc.record(
  {
    name: maybe(name),
    image: maybe(image),
    command: maybe(fc.constant(['sh', '-c', 'sleep 1'])),
    restartPolicy: maybe(fc.constantFrom('Always', 'Never')),
    ports: maybe(fc.array(port, { maxLength: 3 })),
    volumeMounts: maybe(fc.array(mount, { maxLength: 3 })),
    readinessProbe: maybe(fc.record({ httpGet: fc.record({ port: fc.oneof(fc.constantFrom('http', 'metrics'), fc.integer({ min: 0, max: 70000 })) }) })),
  },
  { requiredKeys: [] },
);
const volume = fc.record(
  {
    name: maybe(name),
    source: fc.constantFrom('emptyDir', 'hostPath', 'configMap', 'secret', 'persistentVolumeClaim', 'Path'),
    body: maybe(fc.record({ path: maybe(path), medium: maybe(fc.constantFrom('Memory', 'memory', '')) }, { requiredKeys: [] })),
  },
  { requiredKeys: ['source'] },
).map((v) => ({ ...(v.name !== undefined ? { name: v.name } : {}), [v.source]: v.body ?? {} }));

const podSpec = fc.record(
  {
    hostNetwork: maybe(fc.boolean()),
    restartPolicy: maybe(fc.constantFrom('Always', 'OnFailure', 'never')),
    initContainers: maybe(fc.array(container, { maxLength: 3 })),
    containers: maybe(fc.array(container, { maxLength: 4 })),
    ephemeralContainers: maybe(fc.array(container, { maxLength: 1 })),
    volumes: maybe(fc.array(volume, { maxLength: 4 })),
  },
  { requiredKeys: [] },
);

/** Wraps a pod spec into its workload at the kind's pod-spec path. */
function wrap(kind: string, spec: unknown, metaName: unknown): Record<string, unknown> {
  let inner: unknown = spec;
  const steps = [...(POD_SPEC_PATHS[kind] ?? ['spec'])].reverse();
  for (const step of steps) inner = { [step]: inner };
  return { apiVersion: APIS[kind] ?? 'apps/v1', kind, metadata: { name: metaName }, ...(inner as object) };
}

const workload = fc.tuple(fc.constantFrom(...KINDS), podSpec, maybe(name)).map(([kind, spec, n]) => wrap(kind, spec, n));

/** A manifest text: one or more workloads (sometimes a `kind: List`), in block or flow style. */
export const manifest: fc.Arbitrary<string> = fc
  .tuple(fc.array(workload, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.constantFrom('block', 'flow', 'mixed'), fc.boolean(), fc.boolean())
  .map(([objects, asList, style, crlf, kubectlStyle]) => {
    const docs = asList ? [{ apiVersion: 'v1', kind: 'List', items: objects }] : objects;
    const text = docs
      .map((d) => {
        const doc = new Document(d, { version: '1.1' });
        visit(doc, {
          Node(_, node, path) {
            if (isCollection(node)) node.flow = style === 'flow' || (style === 'mixed' && path.length > 6);
          },
        });
        // kubectl prints sequences at their key's indentation (`items:` then `- ` at column 0).
        return doc.toString({ lineWidth: 0, indentSeq: !kubectlStyle });
      })
      .join('---\n');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** A hand-written manifest using anchors, aliases and merge keys (the generator above never emits them). */
export const mergeManifest: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(80, 8080, 'http'), fc.constantFrom('/data', '/var/log'), fc.boolean())
  .map(
    ([p, mp, list]) => `apiVersion: v1
kind: Pod
metadata: {name: m}
spec:
  containers:
  - &base
    name: a
    image: nginx
    ports: [&p {containerPort: ${p}}]
    volumeMounts: [{name: v, mountPath: ${mp}}]
  - <<: ${list ? '[*base, {image: redis}]' : '*base'}
    name: b
    ports: [*p]
  volumes: [{name: v, emptyDir: {}}]
`,
  );

/** One random edit of a text. */
type Mutation = (text: string) => string;

const lineOp = (f: (lines: string[], i: number, j: number) => void, i: number, j: number): Mutation => (text) => {
  const lines = text.split('\n');
  if (lines.length === 0) return text;
  f(lines, i % lines.length, j % lines.length);
  return lines.join('\n');
};

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => lineOp((l, a) => void l.splice(a, 1), i, j)),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => lineOp((l, a) => void l.splice(a, 0, l[a] ?? ''), i, j)),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => lineOp((l, a, b) => void ([l[a], l[b]] = [l[b] ?? '', l[a] ?? '']), i, j)),
  fc.nat().map((n): Mutation => (t) => t.slice(0, n % (t.length + 1))),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 6 })).map(([n, s]): Mutation => (t) => {
    const at = n % (t.length + 1);
    return t.slice(0, at) + s + t.slice(at);
  }),
  fc.tuple(fc.nat(), fc.constantFrom('\0', '\t', '\r', '\uFEFF', '\uD800', '\uDC00', '😀', '{', '[', '"', "'", '&a ', '*a', '<<: ', '---\n', '...\n', '%YAML 1.1\n', '{{')).map(
    ([n, s]): Mutation => (t) => {
      const at = n % (t.length + 1);
      return t.slice(0, at) + s + t.slice(at);
    },
  ),
  fc.tuple(fc.nat(), weird).map(([n, w]): Mutation => (t) => {
    // Replace one scalar value (after `: `) with a value of the wrong type.
    const values = [...t.matchAll(/: [^\n{}[\],]+/g)];
    const hit = values[n % Math.max(1, values.length)];
    if (!hit || hit.index === undefined) return t;
    return t.slice(0, hit.index + 2) + JSON.stringify(w) + t.slice(hit.index + hit[0].length);
  }),
  fc.nat().map((n): Mutation => (t) => {
    const digits = [...t.matchAll(/\d+/g)];
    const hit = digits[n % Math.max(1, digits.length)];
    if (!hit || hit.index === undefined) return t;
    return t.slice(0, hit.index) + '9'.repeat(400) + t.slice(hit.index + hit[0].length);
  }),
  fc.constant<Mutation>((t) => `---\n---\n${t}---\n`),
  fc.constant<Mutation>(() => ''),
);

/** A manifest with 0–5 random mutations applied, or plain random text. */
export const mutatedManifest: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.oneof({ weight: 4, arbitrary: manifest }, { weight: 1, arbitrary: mergeManifest }), fc.array(mutation, { maxLength: 5 })).map(([t, ms]) => ms.reduce((acc, m) => m(acc), t)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '\n', '---', '---\n---\n', '\uFEFF', '...', '%YAML 1.1', '- - -', '{', 'kind: Pod', 'apiVersion: v1\nkind: Pod\nspec:') },
);

/** A sequence of edits (offset, deleted length, inserted text) for the incremental analyzer. */
export const edits = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.oneof(fc.constantFrom('', '\n', '---\n', '  - name: x\n', ': ', '80', '#'), fc.string({ maxLength: 5 }))), { minLength: 1, maxLength: 8 });

/** Applies one edit, clamped to the text. */
export function applyEdit(text: string, [at, del, insert]: [number, number, string]): string {
  const start = at % (text.length + 1);
  return text.slice(0, start) + insert + text.slice(Math.min(text.length, start + del));
}

/** Pieces of YAML syntax that move `yaml`'s ranges or change values when dropped into a manifest. */
const YAML_PIECES = ['# c', ' # c', '#', ' ', '  ', '\n', '\n\n', '\n  ', '\n    # x\n', ':', ': ', '- ', '-', '"', "'", '[', ']', '{', '}', ',', 'yes', 'no', 'y', '0x1F', '~', 'null', '0777', '1_000', '.inf', '2001-12-14', '|', '>', '|-', '>-', '|+', '|2', '\n  - a', '\n- b', 'x: 1', '\n  k: v', '&a', '*a', '!!str', '<<', '\\', '...', '---', '%', '@', '?', '\u00a0', 'é', '😀', '\t', ' a b ', '[a, b]', '{a: 1}', '"x\\n"', "'it''s'", '{}', '[]', ' ]', '\n  \n', '\n        \n', '   # z\n'];

/** A manifest with a few pieces of YAML syntax, comment lines or indentation changes dropped in. */
export const tweakedManifest: fc.Arbitrary<string> = fc
  .tuple(manifest, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 7 }), fc.constantFrom(...YAML_PIECES)), { minLength: 1, maxLength: 4 }))
  .map(([text, tweaks]) =>
    tweaks.reduce((t, [n, kind, piece]) => {
      const lines = t.split('\n');
      const i = n % lines.length;
      if (kind === 0) lines.splice(i, 0, `${' '.repeat(n % 7)}# comment`);
      else if (kind === 1) lines[i] = ` ${lines[i]}`;
      else if (kind === 2) lines[i] = (lines[i] ?? '').replace(/^ /, '');
      else if (kind === 3) return t.replace(/\n$/, '');
      else {
        const at = n % (t.length + 1);
        return t.slice(0, at) + piece + t.slice(at);
      }
      return lines.join('\n');
    }, text),
  );
