/**
 * unknown-port-name: a probe or lifecycle handler names a port the container does not declare.
 * The API server checks only the name's form; the kubelet fails the probe at run time.
 */
import { portNameErrors } from '../k8s/names';
import { closest } from '../util/suggest';
import { operatorPorts } from '../k8s/operator-ports';
import { containerLabel } from '../k8s/pod-model';
import { portNamesOpen } from '../k8s/unknown-names';
import type { Rule } from './types';

export const unknownPortName: Rule = {
  id: 'unknown-port-name',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      if (pod.partial) continue; // the ports may be declared in the part a fragment leaves out
      for (const container of pod.containers) {
        // A port named by a placeholder (`name: ${PORT_NAME}`) may be the one referenced.
        if (portNamesOpen(container, pod.doc)) continue;
        // The operator of a custom resource may add named ports of its own (Kubeflow, KubeRay, ECK).
        const declared = [...container.ports.flatMap((p) => (p.name ? [p.name] : [])), ...operatorPorts(pod, container).map((p) => p.name)];
        for (const ref of container.portReferences) {
          if (typeof ref.value !== 'string' || declared.includes(ref.value)) continue;
          if (ref.where.endsWith('.grpc.port')) continue; // an integer field: invalid-value reports the string
          if (portNameErrors(ref.value).length > 0) continue; // not a name's form (a quoted number...): invalid-port says so
          const suggestion = closest(ref.value, declared);
          const didYouMean = suggestion ? ctx.t('common.did-you-mean', { suggestion }) : '';
          const args = { didYouMean, name: ref.value, where: ref.where, container: containerLabel(container) };
          ctx.report({ node: ref.node, message: ctx.t('unknown-port-name.message', args), data: { name: ref.value, suggestion, declared } });
        }
      }
    }
  },
};
