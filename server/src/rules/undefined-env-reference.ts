/**
 * undefined-env-reference: `$(VAR)` in an env value, `command` or `args` where the container
 * defines no VAR but a name close to it, or (in an env value) defines VAR only further down the list. The kubelet then
 * leaves the text as it is: the process receives the literal `$(VAR)`.
 * Silent when `envFrom` may define the name, for the variables Services inject, and in
 * `command`/`args` for lower-case names, which are shell command substitutions (`$(hostname)`).
 * In a custom resource's pods only the "defined further down" case: their operators add variables
 * of their own (Kubeflow's `MASTER_ADDR` and `WORLD_SIZE`, Knative's `PORT` and `K_SERVICE`).
 * An Indexed Job's controller appends `JOB_COMPLETION_INDEX` to every container's env: `command`
 * and `args` see it, an env value (expanded before it) does not.
 * In an exec probe, a variable from `valueFrom` expands to nothing (probe-env-reference.ts).
 */
import { getMap, getString } from '../core/yaml-access';
import { envOf, isServiceLinkVariable, varReferences } from '../k8s/env';
import { isJenkinsAgentPod, JENKINS_VARIABLE } from '../k8s/jenkins-agent';
import { containerLabel, type PodModel } from '../k8s/pod-model';
import { isBuiltInWorkload } from '../k8s/workloads';
import { closest } from '../util/suggest';
import type { Scalar } from 'yaml';
import type { Rule, Span } from './types';
import { reportHookReferences, reportProbeReferences } from './probe-env-reference';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** The variable the Job controller adds to the containers of an Indexed Job (addCompletionIndexEnvVariable). */
const JOB_INDEX = 'JOB_COMPLETION_INDEX';

/** Whether the pod belongs to a Job (or a CronJob's jobs) with `completionMode: Indexed`. */
function indexedJob(pod: PodModel): boolean {
  const spec = getMap(pod.object.node, 'spec', pod.doc);
  const jobSpec = pod.kind === 'Job' ? spec : pod.kind === 'CronJob' ? getMap(getMap(spec, 'jobTemplate', pod.doc), 'spec', pod.doc) : undefined;
  return getString(jobSpec, 'completionMode', pod.doc) === 'Indexed';
}

export const undefinedEnvReference: Rule = {
  id: 'undefined-env-reference',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const pod of ctx.pods) {
      // An operator's pods add variables of their own; a Jenkins agent template gets the plugin's JENKINS_URL, JENKINS_NAME...
      const customResource = !isBuiltInWorkload(pod.object);
      const jenkins = isJenkinsAgentPod(pod);
      const mayBeAdded = (name: string): boolean => customResource || (jenkins && JENKINS_VARIABLE.test(name));
      const jobIndex = indexedJob(pod);
      for (const container of pod.containers) {
        const env = envOf(container, pod.doc);
        if (env.hasEnvFrom) continue;
        const firstIndex = new Map<string, number>();
        for (const e of env.entries) if (e.name !== undefined && !firstIndex.has(e.name)) firstIndex.set(e.name, e.index);
        const names = [...firstIndex.keys()];
        const label = containerLabel(container);
        const scan = (node: Scalar<string>, where: string, before: number | undefined, shellLike: boolean): void => {
          const seen = new Map<string, number>();
          for (const ref of varReferences(node.value)) {
            if (!ENV_NAME.test(ref.name) || isServiceLinkVariable(ref.name)) continue;
            if (shellLike && /[a-z]/.test(ref.name)) continue;
            const defined = firstIndex.get(ref.name);
            if (defined !== undefined && (before === undefined || defined < before)) continue;
            const later = defined !== undefined;
            if (!later && mayBeAdded(ref.name)) continue;
            // Appended after the container's own env by the Job controller.
            const appended = !later && jobIndex && ref.name === JOB_INDEX;
            if (appended && before === undefined) continue;
            // `name: X, value: $(X)`: a kustomize var or a pipeline fills it in; no order can help.
            if (defined !== undefined && defined === before) continue;
            const suggestion = later || appended ? undefined : closest(ref.name, names);
            // A name close to none defined may be a kustomize var (`vars:` replaces `$(NAME)` at
            // build time) or set by tooling Podsight cannot see: only a near miss is reported.
            if (!later && !appended && !suggestion) continue;
            const args = { name: ref.name, where, container: label, didYouMean: suggestion ? ctx.t('common.did-you-mean', { suggestion }) : '' };
            const nth = seen.get(ref.name) ?? 0;
            seen.set(ref.name, nth + 1);
            ctx.report({
              node: spanIn(ctx.chunk.text, node, `$(${ref.name})`, nth) ?? node,
              message: ctx.t(later ? 'undefined-env-reference.later' : appended ? 'undefined-env-reference.job-index' : 'undefined-env-reference.undefined', args),
              data: { name: ref.name, container: container.name, later, suggestion, entry: before, definition: defined },
            });
          }
        };
        for (const e of env.entries) if (e.valueNode && e.name !== undefined) scan(e.valueNode, `env ${e.name}`, e.index, false);
        for (const { field, node } of env.commandArgs) scan(node, field, undefined, true);
      }
      reportProbeReferences(ctx, pod, spanIn);
      reportHookReferences(ctx, pod, spanIn);
    }
  },
};

/** The span of the `nth` written `$(VAR)` inside the scalar's source text, or undefined (then the whole scalar). */
function spanIn(text: string, node: Scalar, written: string, nth: number): Span | undefined {
  const r = node.range;
  if (!r) return undefined;
  let at = r[0] - 1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(written, at + 1);
    if (at < 0 || at + written.length > r[1]) return undefined;
  }
  return { start: at, end: at + written.length };
}
