#!/usr/bin/env node
/**
 * Generates server/src/schema/k8s-schema.json, the compact Kubernetes schema shipped in Podsight.
 *
 * Source: the TypeScript declarations of the npm packages `kubernetes-models` and
 * `@kubernetes-models/apimachinery`, which are generated from the official Kubernetes OpenAPI
 * definitions (with the `+enum` values that upstream strips from swagger.json put back; see
 * tommy351/kubernetes-openapi-spec). They keep every description, the required flags (`?`),
 * enum values (string-literal unions plus "Possible enum values:" in the text), IntOrString
 * and Quantity as named types, and maps as index signatures.
 *
 * The declaration files of the types we need are committed, gzipped, as
 * scripts/schema/source.json.gz, so a plain run needs nothing but `typescript`:
 *
 *   node scripts/schema/generate.mjs                 # regenerate from the committed snapshot
 *   node scripts/schema/generate.mjs --refresh DIR   # re-snapshot from unpacked packages:
 *        DIR/kubernetes-models/ and DIR/apimachinery/ (e.g. from `npm pack kubernetes-models@5.1.0
 *        @kubernetes-models/apimachinery@3.0.2` and `tar xzf`), then regenerate.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const ts = require('typescript');

const SNAPSHOT = path.join(here, 'source.json.gz');
const OUTPUT = path.join(repoRoot, 'server', 'src', 'schema', 'k8s-schema.json');

/** Kubernetes version of the snapshot (kubernetes-models 5.x: "Update to Kubernetes v1.36.0"). */
const SOURCE_INFO = {
  kubernetesVersion: '1.36.0',
  packages: { 'kubernetes-models': '5.1.0', '@kubernetes-models/apimachinery': '3.0.2' },
};

/** Root kinds: "apiVersion/kind" → declaration name. */
const ROOTS = {
  'v1/Pod': 'IIoK8sApiCoreV1Pod',
  'v1/PodTemplate': 'IIoK8sApiCoreV1PodTemplate',
  'v1/ReplicationController': 'IIoK8sApiCoreV1ReplicationController',
  'v1/Service': 'IIoK8sApiCoreV1Service',
  'v1/ConfigMap': 'IIoK8sApiCoreV1ConfigMap',
  'v1/Secret': 'IIoK8sApiCoreV1Secret',
  'apps/v1/Deployment': 'IIoK8sApiAppsV1Deployment',
  'apps/v1/ReplicaSet': 'IIoK8sApiAppsV1ReplicaSet',
  'apps/v1/StatefulSet': 'IIoK8sApiAppsV1StatefulSet',
  'apps/v1/DaemonSet': 'IIoK8sApiAppsV1DaemonSet',
  'batch/v1/Job': 'IIoK8sApiBatchV1Job',
  'batch/v1/CronJob': 'IIoK8sApiBatchV1CronJob',
  // The kinds that come with pods in the same files: typos and wrong types in them fail the same apply.
  'v1/Namespace': 'IIoK8sApiCoreV1Namespace',
  'v1/ServiceAccount': 'IIoK8sApiCoreV1ServiceAccount',
  'v1/PersistentVolumeClaim': 'IIoK8sApiCoreV1PersistentVolumeClaim',
  'v1/PersistentVolume': 'IIoK8sApiCoreV1PersistentVolume',
  'v1/LimitRange': 'IIoK8sApiCoreV1LimitRange',
  'v1/ResourceQuota': 'IIoK8sApiCoreV1ResourceQuota',
  'networking.k8s.io/v1/Ingress': 'IIoK8sApiNetworkingV1Ingress',
  'networking.k8s.io/v1/IngressClass': 'IIoK8sApiNetworkingV1IngressClass',
  'networking.k8s.io/v1/NetworkPolicy': 'IIoK8sApiNetworkingV1NetworkPolicy',
  'autoscaling/v2/HorizontalPodAutoscaler': 'IIoK8sApiAutoscalingV2HorizontalPodAutoscaler',
  'autoscaling/v1/HorizontalPodAutoscaler': 'IIoK8sApiAutoscalingV1HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget': 'IIoK8sApiPolicyV1PodDisruptionBudget',
  'rbac.authorization.k8s.io/v1/Role': 'IIoK8sApiRbacV1Role',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'IIoK8sApiRbacV1ClusterRole',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'IIoK8sApiRbacV1RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'IIoK8sApiRbacV1ClusterRoleBinding',
  'storage.k8s.io/v1/StorageClass': 'IIoK8sApiStorageV1StorageClass',
  'scheduling.k8s.io/v1/PriorityClass': 'IIoK8sApiSchedulingV1PriorityClass',
};

/** Declarations that map to a primitive of the compact schema. */
const SPECIAL = {
  IIoK8sApimachineryPkgUtilIntstrIntOrString: 'int-or-string',
  IIoK8sApimachineryPkgApiResourceQuantity: 'quantity',
  IIoK8sApimachineryPkgApisMetaV1Time: 'string',
  IIoK8sApimachineryPkgApisMetaV1MicroTime: 'string',
  IIoK8sApimachineryPkgRuntimeRawExtension: 'object',
  IIoK8sApimachineryPkgApisMetaV1FieldsV1: 'object',
};

/** Hand-written additions: values the API accepts that the OpenAPI enum does not list. */
const ENUM_OVERRIDES = {
  // StorageMedium is not an OpenAPI enum; validation accepts "", Memory, HugePages, HugePages-<size>.
  'core.v1.EmptyDirVolumeSource.medium': ['', 'Memory', 'HugePages', 'HugePages-<size>'],
  // A StorageClass accepts only these two (validateReclaimPolicy); Recycle is a PV's alone.
  'storage.v1.StorageClass.reclaimPolicy': ['Delete', 'Retain'],
  // The HPA's type fields are plain strings in OpenAPI; validation accepts exactly these (autoscaling/validation).
  'autoscaling.v2.MetricSpec.type': ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
  'autoscaling.v2.MetricTarget.type': ['AverageValue', 'Utilization', 'Value'],
  'autoscaling.v2.HPAScalingPolicy.type': ['Percent', 'Pods'],
  'autoscaling.v2.HPAScalingRules.selectPolicy': ['Disabled', 'Max', 'Min'],
};

const TYPEMETA_DESCRIPTIONS = {
  apiVersion:
    'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
  kind: 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
};

// ---------------------------------------------------------------------------------------------

const NEWER = 'Newer than the shipped schema (an alpha feature documented on kubernetes.io); Podsight accepts it without checking its contents.';
const NEWER_FIELDS = [
  ['core.v1.EmptyDirVolumeSource', 'mode', { t: 'integer', d: `Permission bits of the emptyDir directory. ${NEWER}` }],
  ['core.v1.SecurityContext', 'cgroupOptions', { t: 'object', d: `Options for the container's cgroup mount (mountMode). ${NEWER}` }],
  ['core.v1.ContainerRestartRule', 'onExit', { t: 'object', d: `Conditions on the container's exit (exitCodes) that trigger the rule's action. ${NEWER}` }],
];

function readDir(dir, prefix, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === '_schemas' || entry.name === 'node_modules') continue;
      readDir(full, `${prefix}${entry.name}/`, out);
    } else if (entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts') {
      out[`${prefix}${entry.name}`] = fs.readFileSync(full, 'utf8');
    }
  }
}

/** Declarations by exported long name (IIoK8s...): { kind: 'interface'|'alias', node, sf }. */
function indexDeclarations(files) {
  const decls = new Map();
  for (const [file, text] of Object.entries(files)) {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const local = new Map();
    const exported = [];
    for (const st of sf.statements) {
      if (ts.isInterfaceDeclaration(st)) local.set(st.name.text, { kind: 'interface', node: st, sf, file });
      else if (ts.isTypeAliasDeclaration(st)) local.set(st.name.text, { kind: 'alias', node: st, sf, file });
      else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          if (el.propertyName) exported.push([el.propertyName.text, el.name.text]);
        }
      }
    }
    for (const [localName, longName] of exported) {
      const d = local.get(localName);
      if (d && longName.startsWith('II')) decls.set(longName, d);
    }
  }
  return decls;
}

function jsDocText(node) {
  const docs = node.jsDoc;
  if (!docs || docs.length === 0) return '';
  const doc = docs[docs.length - 1];
  let text = typeof doc.comment === 'string' ? doc.comment : ts.getTextOfJSDocComment(doc.comment) ?? '';
  text = text.replace(/\\\*/g, '*').replace(/\*\\\//g, '*/').replace(/\r/g, '');
  return text.trim();
}

/** IIoK8sApiCoreV1Container → core.v1.Container; IIoK8sApimachineryPkgApisMetaV1ObjectMeta → meta.v1.ObjectMeta */
function shortName(longName) {
  let rest;
  if (longName.startsWith('IIoK8sApimachineryPkgApis')) rest = longName.slice('IIoK8sApimachineryPkgApis'.length);
  else if (longName.startsWith('IIoK8sApi')) rest = longName.slice('IIoK8sApi'.length);
  else throw new Error(`unexpected declaration name ${longName}`);
  const m = /^([A-Z][a-z0-9]*?(?:[A-Z][a-z0-9]*?)*?)(V\d+(?:(?:alpha|beta)\d+)?)([A-Z].*)$/.exec(rest);
  if (!m) throw new Error(`cannot split ${longName}`);
  return `${m[1].toLowerCase()}.${m[2].toLowerCase()}.${m[3]}`;
}

function generate(files) {
  const decls = indexDeclarations(files);
  const types = {};
  const queue = [];
  const enqueue = (longName) => {
    if (SPECIAL[longName]) return SPECIAL[longName];
    const decl = decls.get(longName);
    if (!decl) throw new Error(`missing declaration ${longName}`);
    if (decl.kind === 'alias') {
      const t = decl.node.type;
      if (t.kind === ts.SyntaxKind.StringKeyword) return 'string';
      throw new Error(`unsupported alias ${longName}`);
    }
    const name = shortName(longName);
    if (decl.node.members.length === 0) return 'object';
    if (!(name in types)) {
      types[name] = null;
      queue.push([name, decl]);
    }
    return name;
  };

  /** Returns { t, e? } for a property type node. */
  const typeOf = (node, owner, field) => {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { t: 'string' };
      case ts.SyntaxKind.NumberKeyword:
        // Every `number` reachable from the root kinds is int32/int64 in the OpenAPI (only
        // apiextensions JSONSchemaProps uses double, and it is not reachable).
        return { t: 'integer' };
      case ts.SyntaxKind.BooleanKeyword:
        return { t: 'boolean' };
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
        return { t: 'object' };
      case ts.SyntaxKind.LiteralType:
        if (ts.isStringLiteral(node.literal)) return { t: 'string', e: [node.literal.text] };
        break;
      case ts.SyntaxKind.UnionType: {
        const values = [];
        for (const m of node.types) {
          if (ts.isLiteralTypeNode(m) && ts.isStringLiteral(m.literal)) values.push(m.literal.text);
          else throw new Error(`unsupported union in ${owner}.${field}`);
        }
        return { t: 'string', e: values };
      }
      case ts.SyntaxKind.TypeReference: {
        const ref = node.typeName.getText();
        if (ref === 'Array' && node.typeArguments?.length === 1) {
          const item = typeOf(node.typeArguments[0], owner, field);
          return { t: `[]${item.t}`, ...(item.e ? { e: item.e } : {}) };
        }
        return { t: enqueue(ref) };
      }
      case ts.SyntaxKind.TypeLiteral: {
        const idx = node.members.find((m) => ts.isIndexSignatureDeclaration(m));
        if (idx && node.members.length === 1) {
          const value = typeOf(idx.type, owner, field);
          return { t: `map[]${value.t}`, ...(value.e ? { e: value.e } : {}) };
        }
        if (node.members.length === 0) return { t: 'object' };
        // kubernetes-models inlines PersistentVolumeClaim in StatefulSetSpec.volumeClaimTemplates
        // (to make apiVersion/kind optional): map it back to the named type.
        const spec = node.members.find((m) => ts.isPropertySignature(m) && m.name.getText().replace(/"/g, '') === 'spec');
        const specRef = spec?.type && ts.isTypeReferenceNode(spec.type) ? spec.type.typeName.getText() : '';
        if (specRef.endsWith('Spec') && decls.has(specRef.slice(0, -4))) return { t: enqueue(specRef.slice(0, -4)) };
        break;
      }
      case ts.SyntaxKind.ArrayType: {
        const item = typeOf(node.elementType, owner, field);
        return { t: `[]${item.t}`, ...(item.e ? { e: item.e } : {}) };
      }
    }
    throw new Error(`unsupported type ${ts.SyntaxKind[node.kind]} in ${owner}.${field}`);
  };

  const roots = {};
  for (const [key, longName] of Object.entries(ROOTS)) roots[key] = enqueue(longName);
  const listMeta = enqueue('IIoK8sApimachineryPkgApisMetaV1ListMeta');

  while (queue.length > 0) {
    const [name, decl] = queue.shift();
    const fields = {};
    for (const member of decl.node.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const key = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText();
      const spec = typeOf(member.type, name, key);
      const field = { t: spec.t };
      let d = jsDocText(member);
      if (key === 'apiVersion' || key === 'kind') {
        // TypeMeta: the literal is the routing value, not a value set to validate against.
        delete spec.e;
        if (!d) d = TYPEMETA_DESCRIPTIONS[key];
      }
      const override = ENUM_OVERRIDES[`${name}.${key}`];
      if (override) spec.e = override;
      if (d) field.d = d;
      if (spec.e) field.e = spec.e;
      if (!member.questionToken && key !== 'apiVersion' && key !== 'kind') field.r = 1;
      fields[key] = field;
    }
    const type = {};
    const d = jsDocText(decl.node);
    if (d) type.d = d;
    type.f = fields;
    types[name] = type;
  }

  // kind: List (v1) — not an OpenAPI type; items are arbitrary objects validated by their own kind.
  types['core.v1.List'] = {
    d: 'List holds a list of objects, which may not be known by the server. Each item is validated against the schema of its own apiVersion and kind.',
    f: {
      apiVersion: { t: 'string', d: TYPEMETA_DESCRIPTIONS.apiVersion },
      kind: { t: 'string', d: TYPEMETA_DESCRIPTIONS.kind },
      metadata: { t: listMeta, d: "Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      items: { t: '[]object', d: 'List of objects.', r: 1 },
    },
  };
  roots['v1/List'] = 'core.v1.List';

  // Fields of alpha features newer than the shipped schema, used by the official documentation's
  // examples. Accepted (not reported as unknown) but not checked further: a false "unknown field"
  // on a documented feature would teach users to ignore the rule.
  for (const [typeName, fieldName, field] of NEWER_FIELDS) {
    const type = types[typeName];
    if (type && !type.f[fieldName]) type.f[fieldName] = field;
  }

  const sorted = {};
  for (const k of Object.keys(types).sort()) sorted[k] = types[k];
  return {
    version: SOURCE_INFO.kubernetesVersion,
    source: `kubernetes-models@${SOURCE_INFO.packages['kubernetes-models']} + @kubernetes-models/apimachinery@${SOURCE_INFO.packages['@kubernetes-models/apimachinery']} (generated from the official Kubernetes OpenAPI v${SOURCE_INFO.kubernetesVersion})`,
    roots,
    types: sorted,
  };
}

/** Keep only the declaration files of the types reachable from the roots. */
function snapshot(allFiles) {
  const decls = indexDeclarations(allFiles);
  const keep = new Set();
  const seen = new Set();
  const visit = (longName) => {
    if (seen.has(longName)) return;
    seen.add(longName);
    const d = decls.get(longName);
    if (!d) return;
    keep.add(d.file);
    d.sf.forEachChild(function walk(n) {
      if (ts.isTypeReferenceNode(n)) {
        const ref = n.typeName.getText();
        if (ref.startsWith('IIoK8s')) visit(ref);
        if (ref.endsWith('Spec')) visit(ref.slice(0, -4)); // see the volumeClaimTemplates note
      }
      n.forEachChild(walk);
    });
  };
  for (const longName of Object.values(ROOTS)) visit(longName);
  visit('IIoK8sApimachineryPkgApisMetaV1ListMeta');
  const files = {};
  for (const f of [...keep].sort()) files[f] = allFiles[f];
  return files;
}

const args = process.argv.slice(2);
let files;
if (args[0] === '--refresh') {
  const dir = path.resolve(args[1] ?? '.');
  const all = {};
  readDir(path.join(dir, 'kubernetes-models'), 'kubernetes-models/', all);
  readDir(path.join(dir, 'apimachinery'), 'apimachinery/', all);
  files = snapshot(all);
  const payload = JSON.stringify({ ...SOURCE_INFO, files });
  fs.writeFileSync(SNAPSHOT, zlib.gzipSync(payload, { level: 9 }));
  console.log(`snapshot: ${Object.keys(files).length} files → ${path.relative(repoRoot, SNAPSHOT)}`);
} else {
  const data = JSON.parse(zlib.gunzipSync(fs.readFileSync(SNAPSHOT)).toString('utf8'));
  files = data.files;
}

const schema = generate(files);
const json = JSON.stringify(schema);
fs.writeFileSync(OUTPUT, json + '\n');
console.log(
  `k8s-schema.json: Kubernetes ${schema.version}, ${Object.keys(schema.types).length} types, ${json.length} bytes (${zlib.gzipSync(json).length} gzipped)`,
);
