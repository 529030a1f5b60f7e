/**
 * Part of invalid-value: a memory (or ephemeral-storage, hugepages) quantity that is a fraction of
 * a byte, nearly always `m` written for megabytes: `memory: 200m` is 0.2 bytes. The API server
 * only warns ("fractional byte value "200m" is invalid, must be an integer"); the kubelet rounds it
 * up to 1 byte. As a limit the container cannot start (its init process is OOM-killed); as a
 * request the scheduler reserves nothing for it (a warning).
 */
import { isMap, isScalar, type Node } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getNode, mapPairs } from '../core/yaml-access';
import { fractionalBytes } from '../k8s/quantity';
import type { RuleContext } from './types';

const BYTE_RESOURCES = /^(?:memory|ephemeral-storage|hugepages-.+)$/;

export function checkFractionalBytes(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    for (const container of pod.containers) {
      const resources = getNode(container.node, 'resources', pod.doc);
      if (!isMap(resources)) continue;
      for (const part of ['limits', 'requests'] as const) {
        const map = getNode(resources, part, pod.doc);
        if (!isMap(map)) continue;
        for (const pair of mapPairs(map, pod.doc)) {
          const key = isScalar(pair.key) ? String(pair.key.value) : '';
          const value = pair.value;
          if (!BYTE_RESOURCES.test(key) || !isScalar(value) || isUnknownValue(value as Node)) continue;
          const text = typeof value.value === 'string' || typeof value.value === 'number' ? String(value.value) : '';
          if (!fractionalBytes(text)) continue;
          const megabytes = /^([0-9.]+)m$/.exec(text.trim())?.[1];
          const args = { value: text, resource: key, path: `${container.path}.resources.${part}[${key}]` };
          ctx.report({
            node: value as Node,
            ...(part === 'requests' ? { severity: 'warning' as const } : {}),
            message: ctx.t(part === 'limits' ? 'invalid-value.fractional-limit' : 'invalid-value.fractional-request', args) + (megabytes ? ctx.t('common.did-you-mean', { suggestion: `${megabytes}Mi` }) : ''),
            data: { field: `${part}[${key}]`, value: text, expectedType: 'quantity', quantityChoices: megabytes ? [`${megabytes}Mi`, `${megabytes}M`] : [] },
          });
        }
      }
    }
  }
}
