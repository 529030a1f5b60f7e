/**
 * mount-shadows-image, a directory volume over a file the image ships: mount one key of the
 * volume there with `subPath` (the key named like the file). Preferred when the file shows a
 * ConfigMap or Secret of the volume's name that holds that key: then the container starts with
 * that file in place. Otherwise offered, not preferred: with no such key the kubelet makes an
 * empty directory there, and the container still fails.
 */
import { isMap, type YAMLMap } from 'yaml';
import { getMap, getString, keyText } from '../core/yaml-access';
import { configMapsOfAnalysis } from '../k8s/config-maps';
import { containersAt, fact, isAt, writtenIn } from './find';
import type { Fix, FixContext } from './types';
import { addPair } from './yaml-edit';

/**
 * Whether the ConfigMap (from the file's ConfigMap index, which the listener model reads too) or a
 * Secret of the file named `name` holds `key`.
 */
function fileHoldsKey(ctx: FixContext, kind: 'ConfigMap' | 'Secret', name: string, key: string): boolean {
  if (kind === 'ConfigMap') return configMapsOfAnalysis(ctx.analysis).get(name)?.files.has(key) === true;
  return ctx.analysis.chunks.some((chunk) =>
    chunk.analysis.objects.some(({ object, doc }) => object.kind === 'Secret' && object.name === name && ['data', 'stringData'].some((field) => getMap(object.node, field, doc)?.items.some((pair) => keyText(pair) === key) === true)),
  );
}

export function mountOverFileFixes(ctx: FixContext): Fix[] {
  const key = fact(ctx, 'overFile');
  if (typeof key !== 'string') return [];
  const hit = containersAt(ctx, (c) => c.mounts.find((m) => isAt(ctx, m.mountPathNode)))[0];
  if (!hit || !writtenIn(hit.part.node, hit.container.node)) return [];
  const { pod, part: mount } = hit;
  const volume = pod.volumes.find((v) => v.name === mount.name);
  const source = volume?.sourcePair?.value;
  const sourceMap = isMap(source) ? (source as YAMLMap) : undefined;
  const kind = volume?.source === 'configMap' ? 'ConfigMap' : volume?.source === 'secret' ? 'Secret' : undefined;
  const refName = kind === 'ConfigMap' ? getString(sourceMap, 'name', pod.doc) : kind === 'Secret' ? getString(sourceMap, 'secretName', pod.doc) : undefined;
  const preferred = kind !== undefined && refName !== undefined && fileHoldsKey(ctx, kind, refName, key);
  return [{ title: ctx.t('fix.mount-key-subpath', { key }), edits: [addPair(ctx.analysis.text, ctx.chunk.start, mount.node, 'subPath', key)], preferred }];
}
