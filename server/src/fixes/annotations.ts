/** Removing one annotation of a pod template: its pair, or the whole `annotations:` when it held nothing else. */
import type { Node, Pair } from 'yaml';
import { getMap } from '../core/yaml-access';
import type { PodModel } from '../k8s/pod-model';
import { removeBlockPair, type OffsetEdit } from './yaml-edit';

export function removeAnnotation(text: string, base: number, pod: PodModel, pair: Pair): OffsetEdit | undefined {
  const metadata = getMap(pod.owner, 'metadata', pod.doc);
  const annotations = getMap(metadata, 'annotations', pod.doc);
  const annotationsPair = metadata?.items.find((p) => p.value === annotations);
  if (!annotations || annotations.flow) return undefined;
  if (annotations.items.length === 1 && annotationsPair) return removeBlockPair(text, base, annotationsPair.key as Node, annotations);
  return removeBlockPair(text, base, pair.key as Node, pair.value as Node);
}
