/**
 * invalid-value: a value the API server rejects for an enumerated field (restartPolicy,
 * imagePullPolicy, hostPath type, emptyDir medium, dnsPolicy...; a Job's restartPolicy), a
 * scalar of the wrong type, or an apiVersion that does not serve the kind (`v1` Deployment); a
 * container without an image, probes on a plain init container, Bidirectional mounts without privilege,
 * ephemeral containers written in a manifest, pod affinity terms without a topologyKey; probes and
 * lifecycle hooks with no handler or several (probe-handlers.ts); a Deployment's rollout settings
 * (deployment-strategy.ts); a downward-API fieldPath the API server cannot read (field-ref.ts);
 * what Knative's webhook rejects in a Knative Service's pod (knative-constraints.ts).
 * Container port numbers and protocols are left to `invalid-port`, which explains them better.
 */
import { isScalar, type Node, type Scalar } from 'yaml';
import { checkAffinityTerms } from './affinity-terms';
import { checkProbeHandlers } from './probe-handlers';
import { checkDeploymentStrategy } from './deployment-strategy';
import { checkFieldRefs } from './field-ref';
import { checkApiVersionKind } from './api-version-kind';
import { checkContainerConstraints } from './container-constraints';
import { checkContainerImage } from './container-image';
import { checkEphemeralContainers } from './ephemeral-containers';
import { checkCronJobSchedule } from './cronjob-schedule';
import { checkIngressClassConflict, checkIngressPathType, checkIngressRoutes } from './ingress-v1';
import { checkKnativeConstraints } from './knative-constraints';
import { checkKustomizationKind } from './kustomization-kind';
import { checkKustomizationPatches } from './kustomization-patches';
import { checkJobRestartPolicy, checkWorkloadDeadline, checkWorkloadRestartPolicy, isJobRestartPolicy, JOB_RESTART_POLICIES } from './job-restart-policy';
import { QUANTITY_PATTERN, quantityError, quantityRepairs } from '../k8s/quantity';
import { schemaProblems } from './schema-problems';
import { checkStorageConstraints } from './storage-constraints';
import { checkVolumePaths } from './volume-paths';
import { checkFractionalBytes } from './fractional-bytes';
import { checkResourceRequirements } from './resource-requirements';
import type { Rule } from './types';
import { isSedTokenValue } from '../k8s/names';
import { syntaxBroken } from './yaml-syntax';

const PORT_FIELDS = /(?:containers|initContainers|ephemeralContainers)\[\d+\]\.ports\[\d+\]\.(?:protocol|containerPort|hostPort)$/;

/** The value as the message shows it; a number, boolean or null as written (`1.0`, not `1`; `~`). */
function show(value: unknown, node?: Node): string {
  if (typeof value === 'string') return `"${value}"`;
  if (isScalar(node) && typeof node.source === 'string' && node.source.trim() !== '' && (value === null || typeof value === 'number' || typeof value === 'boolean')) return node.source.trim();
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a mapping';
  return String(value);
}

/**
 * The path's last field with its indexes and map keys: `annotations[prometheus.io/scrape]` of
 * `metadata.annotations[prometheus.io/scrape]` (a dot inside brackets belongs to the key).
 */
function lastField(path: string): string {
  let depth = 0;
  for (let i = path.length - 1; i >= 0; i--) {
    const c = path[i];
    if (c === ']') depth++;
    else if (c === '[') depth--;
    else if (c === '.' && depth === 0) return path.slice(i + 1);
  }
  return path;
}

/** `y`, `N`, `yes`, `off`...: booleans to Kubernetes' YAML 1.1 parser, surprising in a string field. */
function isYaml11Boolean(node: Node): boolean {
  return isScalar(node) && typeof node.value === 'boolean' && !/^(true|false)$/i.test(node.source ?? '');
}

export const invalidValue: Rule = {
  id: 'invalid-value',
  defaultSeverity: 'error',
  check(ctx) {
    // kubectl never gets past a YAML syntax error to decode the object (yaml-syntax says why).
    if (syntaxBroken(ctx.chunk)) return;
    checkApiVersionKind(ctx);
    checkKustomizationKind(ctx);
    checkKustomizationPatches(ctx);
    checkJobRestartPolicy(ctx);
    checkWorkloadRestartPolicy(ctx);
    checkWorkloadDeadline(ctx);
    checkContainerImage(ctx);
    checkContainerConstraints(ctx);
    checkEphemeralContainers(ctx);
    checkAffinityTerms(ctx);
    checkProbeHandlers(ctx);
    checkDeploymentStrategy(ctx);
    checkFieldRefs(ctx);
    checkVolumePaths(ctx);
    checkKnativeConstraints(ctx);
    checkIngressPathType(ctx);
    checkIngressRoutes(ctx);
    checkIngressClassConflict(ctx);
    checkStorageConstraints(ctx);
    checkFractionalBytes(ctx);
    checkResourceRequirements(ctx);
    checkCronJobSchedule(ctx);
    for (const problem of schemaProblems(ctx)) {
      if (problem.kind !== 'invalid-value' || (PORT_FIELDS.test(problem.path) && problem.templateParameter === undefined)) continue;
      // `replicas: REPLICAS_COUNT`: a token a script or a kustomize replacement fills in (sweep DJ).
      if ('type' in problem.expected && problem.expected.type !== 'string' && isSedTokenValue(problem.value)) continue;
      const field = lastField(problem.path);
      if (problem.templateParameter !== undefined && 'type' in problem.expected) {
        const args = { field, value: String(problem.value), name: problem.templateParameter, type: problem.expected.type, path: problem.path };
        ctx.report({ node: problem.valueNode, message: ctx.t('invalid-value.template-parameter', args), data: { templateParameter: problem.templateParameter } });
      } else if ('enum' in problem.expected && /emptyDir\.medium$/.test(problem.path)) {
        // Not validated by the API server: the kubelet fails the mount (pkg/volume/emptydir SetUpAt).
        const values = problem.expected.enum;
        const lower = typeof problem.value === 'string' ? problem.value.toLowerCase() : undefined;
        ctx.report({
          node: problem.valueNode,
          message: ctx.t('invalid-value.medium', { value: show(problem.value, problem.valueNode), allowed: values.map((v) => `"${v}"`).join(', ') }),
          data: { field, value: problem.value, allowed: values, suggestion: values.find((v) => v.toLowerCase() === lower) },
        });
      } else if ('enum' in problem.expected) {
        // In a Job, "Always" is no choice either: the suggestion must be one the Job accepts.
        const values = field === 'restartPolicy' && isJobRestartPolicy(ctx, problem.valueNode) ? JOB_RESTART_POLICIES : problem.expected.enum;
        const allowed = values.map((v) => `"${v}"`).join(', ');
        const lower = typeof problem.value === 'string' ? problem.value.toLowerCase() : undefined;
        const suggestion = values.find((v) => v.toLowerCase() === lower);
        ctx.report({
          node: problem.valueNode,
          message: ctx.t('invalid-value.enum', { field, value: show(problem.value, problem.valueNode), allowed, path: problem.path, sorted: [...problem.expected.enum].sort().map((v) => `"${v}"`).join(', ') }),
          data: { field, value: problem.value, allowed: values, suggestion },
        });
      } else if (problem.expected.type === 'quantity' && typeof problem.value === 'string' && quantityError(problem.value)) {
        const why = quantityError(problem.value) === 'suffix' ? ctx.t('invalid-value.quantity.suffix') : ctx.t('invalid-value.quantity.format', { pattern: QUANTITY_PATTERN });
        const choices = quantityRepairs(problem.value, /memory|storage|hugepages/.test(field));
        ctx.report({
          node: problem.valueNode,
          message: ctx.t('invalid-value.quantity', { field, value: problem.value, why }) + (choices[0] ? ctx.t('common.did-you-mean', { suggestion: choices[0] }) : ''),
          data: { field, value: problem.value, expectedType: 'quantity', quantityChoices: choices },
        });
      } else if (isYaml11Boolean(problem.valueNode)) {
        const word = (problem.valueNode as Scalar).source ?? '';
        ctx.report({
          node: problem.valueNode,
          message: ctx.t('invalid-value.yaml11-bool', { field, word, value: String(problem.value), type: problem.expected.type }),
          data: { field, value: problem.value, expectedType: problem.expected.type, quote: word },
        });
      } else if (/\.grpc\.port$/.test(problem.path)) {
        ctx.report({
          node: problem.valueNode,
          message: ctx.t('invalid-value.grpc-port', { value: show(problem.value, problem.valueNode) }),
          data: { field, value: problem.value, expectedType: problem.expected.type },
        });
      } else {
        ctx.report({
          node: problem.valueNode,
          message: ctx.t('invalid-value.type', { field, value: show(problem.value, problem.valueNode), type: problem.expected.type, path: problem.path }),
          data: { field, value: problem.value, expectedType: problem.expected.type },
        });
      }
    }
  },
};
