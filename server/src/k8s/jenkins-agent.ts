/**
 * Jenkins agent pod templates: the YAML the Kubernetes plugin reads (`yamlFile 'KubernetesPod.yaml'`,
 * `yaml '''…'''` in a Jenkinsfile) is merged into the pod it creates, which adds an emptyDir named
 * `workspace-volume` (mounted at /home/jenkins/agent in every container) and the agent's
 * variables (`JENKINS_URL`, `JENKINS_SECRET`, `JENKINS_NAME`…). Mounting that volume or referring to
 * those variables is right there, though `kubectl apply` of the file alone would refuse the mount.
 */
import { getMap, getNode } from '../core/yaml-access';
import type { PodModel } from './pod-model';

/** The volume the plugin adds to every agent pod (PodTemplateBuilder's WORKSPACE_VOLUME_NAME). */
export const JENKINS_WORKSPACE_VOLUME = 'workspace-volume';

/** The variables the plugin gives the agent (JENKINS_URL, JENKINS_SECRET, JENKINS_NAME, JENKINS_AGENT_NAME...; REMOTING_OPTS). */
export const JENKINS_VARIABLE = /^(JENKINS_|REMOTING_)/;

/** The agent image, under its names old and new. */
const AGENT_IMAGE = /(^|\/)(jenkins\/(inbound-agent|jnlp-slave|agent)|jenkinsci\/jnlp-slave|jnlp-slave)(:|@|$)/;

/**
 * Whether the pod is a Jenkins agent template: a container named `jnlp` (the plugin's agent
 * container) or running the agent image, or a Pod without a name (not applyable alone) that
 * mounts the plugin's workspace volume (no `name` and no `generateName`).
 */
export function isJenkinsAgentPod(pod: PodModel): boolean {
  if (pod.kind !== 'Pod') return false;
  if (pod.containers.some((c) => c.name === 'jnlp' || (c.image !== undefined && AGENT_IMAGE.test(c.image)))) return true;
  const metadata = getMap(pod.object.node, 'metadata', pod.doc);
  const nameless = getNode(metadata, 'name', pod.doc) === undefined && getNode(metadata, 'generateName', pod.doc) === undefined;
  return nameless && pod.containers.some((c) => c.mounts.some((m) => m.name === JENKINS_WORKSPACE_VOLUME));
}
