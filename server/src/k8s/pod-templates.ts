/**
 * Pod specs inside custom resources: a data table of (API group, kind) → where the pods are and
 * how their containers live together. Users add their own kinds with the `podTemplates` setting
 * (or `.podsight.yaml`); see `userPodTemplates`.
 *
 * A location is a dotted path from the object to the map that holds the containers: `[]` takes
 * every item of a sequence and `*` every value of a mapping (Kubeflow's replica specs by role).
 */
import type { ContainerRole } from './pod-model';

/** One list (or single map) of containers inside a pod location. */
export interface ContainerSlot {
  /** Dotted key path from the location map, e.g. `containers` or `containerSet.containers`. */
  readonly key: string;
  readonly role: ContainerRole;
  /** The value is one container (Argo's `container`/`script`), not a list. */
  readonly single?: boolean;
  /** The name the controller gives an unnamed container (Argo's `main`). */
  readonly defaultName?: string;
  /**
   * How the controller names the slot's containers in the pod it makes: `fixed`, always
   * `defaultName` whatever is written (Argo's main container); a prefix before the written name,
   * an unnamed one getting a name of its own (Tekton's `step-`, `sidecar-`).
   */
  readonly podName?: 'fixed' | { readonly prefix: string };
  /** Fields the custom resource adds to `core/v1 Container` (never reported as unknown). */
  readonly extraKeys?: readonly string[];
  /**
   * Dotted key path (from the location map) of a map whose `volumeMounts` the controller adds to
   * every container of the slot (Argo's `containerSet.volumeMounts`).
   */
  readonly mountsForAll?: string;
  /**
   * The shared mounts are merged into each container as a strategic merge by `mountPath` (Tekton's
   * `stepTemplate`): a container's own mount at that path replaces the shared one.
   */
  readonly mergeMounts?: boolean;
  /**
   * The key of a container's list of the slot's containers it starts after, once they have
   * completed (Argo containerSet `dependencies`): the two never run together.
   */
  readonly dependencies?: string;
}

/** How the containers at a location are laid out. */
export interface PodShape {
  readonly slots: readonly ContainerSlot[];
  /** The controller names a container written without a name, or with `name: ""` (Knative). */
  readonly namesEmptyContainers?: boolean;
  /**
   * Validate the whole location map as a `core/v1 PodSpec` (with these extra keys); otherwise only
   * the containers and volumes are validated, since the rest is the custom resource's own schema.
   */
  readonly podSpec?: { readonly extraKeys?: readonly string[] };
  /** Maps of the enclosing object whose `volumes` every pod also gets (Argo workflow-level volumes). */
  readonly sharedVolumeOwners?: readonly string[];
  /**
   * Maps whose `podSpecPatch` the controller merges into the pod (Argo): `''` is the location's own
   * map, others are dotted paths from the object. Its volumes and mounts count (pod-spec-patch.ts).
   */
  readonly podSpecPatches?: readonly string[];
  /** Volume claim templates of the enclosing object (their names are volumes of each pod); `[]` walks lists. */
  readonly sharedClaims?: readonly string[];
  /**
   * Volumes may also come from elsewhere (Tekton: the run's `podTemplate`, the cluster's default
   * pod template), so a mount of a volume not defined here is not an error.
   */
  readonly openVolumes?: boolean;
  /** Volume names the operator mounts itself (ECK's `elasticsearch-data`): defined here, they are used. */
  readonly operatorMounts?: RegExp;
  /** Containers injected into other pods (OpenKruise SidecarSet): not a whole pod. */
  readonly injected?: boolean;
}

export interface PodLocationSpec {
  readonly path: string;
  readonly shape: PodShape;
}

/** A table entry: the kinds of one API group and where their pods are. */
export interface PodTemplateEntry {
  /** API group (`argoproj.io`); '' is the core group. */
  readonly group: string;
  readonly kinds: readonly string[];
  readonly locations: readonly PodLocationSpec[];
  /** Where the project documents it, for the README. */
  readonly product: string;
}

/** The standard pod spec: containers, initContainers (sidecars), ephemeralContainers. */
export const STANDARD_POD: PodShape = {
  slots: [
    { key: 'initContainers', role: 'init' },
    { key: 'containers', role: 'app' },
    { key: 'ephemeralContainers', role: 'ephemeral' },
  ],
  podSpec: {},
};

/** Knative's RevisionSpec inlines a PodSpec and adds these (Knative rejects many PodSpec fields unless a feature flag allows them). */
// Knative's defaulting webhook names an unnamed container (`user-container`).
const KNATIVE_POD: PodShape = { ...STANDARD_POD, namesEmptyContainers: true, podSpec: { extraKeys: ['containerConcurrency', 'timeoutSeconds', 'responseStartTimeoutSeconds', 'idleTimeoutSeconds'] } };

// `displayName` (a name for UIs) is a Step field since Tekton Pipelines v0.62; Sidecar has none.
const TEKTON_STEP_KEYS = ['displayName', 'script', 'timeout', 'workspaces', 'onError', 'stdoutConfig', 'stderrConfig', 'params', 'results', 'ref', 'when', 'computeResources'];
/** Tekton: steps run one after another; sidecars run beside every step. */
const TEKTON_TASK: PodShape = {
  slots: [
    // Tekton merges `stepTemplate` into every step (MergeStepsWithStepTemplate), its volumeMounts included.
    { key: 'steps', role: 'step', extraKeys: TEKTON_STEP_KEYS, mountsForAll: 'stepTemplate', mergeMounts: true, podName: { prefix: 'step-' } },
    { key: 'sidecars', role: 'app', extraKeys: ['script', 'workspaces', 'computeResources'], podName: { prefix: 'sidecar-' } },
  ],
  openVolumes: true,
};

const ARGO_USER_CONTAINER = ['mirrorVolumeMounts'];
/**
 * Argo Workflows: one pod per container/script/containerSet template. A mount finds its volume in
 * the template's `volumes`, then in the workflow's (`volumes`, `volumeClaimTemplates`); the
 * `templateDefaults` volumes are merged into every template, and so are the `podSpecPatch` of the
 * template, `templateDefaults` and the workflow. A WorkflowTemplate's templates run
 * through `templateRef` from other workflows, whose volumes they get: open.
 */
function argoTemplate(spec: string, open = false): PodShape {
  return {
    slots: [
      { key: 'initContainers', role: 'init', extraKeys: ARGO_USER_CONTAINER },
      { key: 'container', role: 'app', single: true, defaultName: 'main', podName: 'fixed' },
      { key: 'script', role: 'app', single: true, defaultName: 'main', podName: 'fixed', extraKeys: ['source'] },
      { key: 'containerSet.containers', role: 'app', extraKeys: ['dependencies'], mountsForAll: 'containerSet', dependencies: 'dependencies' },
      { key: 'sidecars', role: 'app', extraKeys: ARGO_USER_CONTAINER },
    ],
    sharedVolumeOwners: [spec, `${spec}.templateDefaults`],
    podSpecPatches: ['', spec, `${spec}.templateDefaults`],
    sharedClaims: [`${spec}.volumeClaimTemplates`],
    ...(open ? { openVolumes: true } : {}),
  };
}

const KRUISE_SIDECAR_KEYS = ['podInjectPolicy', 'upgradeStrategy', 'shareVolumePolicy', 'shareVolumeDevicePolicy', 'transferEnv', 'resourcesPolicy'];
/** OpenKruise SidecarSet: containers (and volumes) injected into the pods its selector matches. */
const KRUISE_SIDECARS: PodShape = {
  slots: [
    { key: 'initContainers', role: 'init', extraKeys: KRUISE_SIDECAR_KEYS },
    { key: 'containers', role: 'app', extraKeys: KRUISE_SIDECAR_KEYS },
  ],
  injected: true,
};

/** Argo Events: one container per sensor or event source. */
const ARGO_EVENTS: PodShape = { slots: [{ key: 'container', role: 'app', single: true }] };

const pod = (path: string, shape: PodShape = STANDARD_POD): PodLocationSpec => ({ path, shape });
const KUBEFLOW = (field: string): PodLocationSpec => pod(`spec.${field}.*.template.spec`);
const RAY = (prefix: string): PodLocationSpec[] => [pod(`${prefix}headGroupSpec.template.spec`), pod(`${prefix}workerGroupSpecs[].template.spec`)];
/**
 * Elastic Cloud on Kubernetes: the operator builds the pods, adding volumes of its own (data,
 * logs, config, certificates: `elasticsearch-data`, `beat-data`...) and one per volume claim
 * template, so a mount of a volume the template does not define is no error; and it mounts a
 * volume of the template named like its own (an `elasticsearch-data` emptyDir, as Elastic's docs
 * show for running without claims) in the place of its own. (Ports operators
 * add: operator-ports.ts.)
 */
const ECK_POD: PodShape = { ...STANDARD_POD, openVolumes: true, operatorMounts: /^(elasticsearch|beat|agent|logstash|kibana|enterprise-search|apm-server|maps)-(data|logs)$/, sharedClaims: ['spec.volumeClaimTemplates', 'spec.nodeSets[].volumeClaimTemplates'] };
const ELASTIC = ['spec.podTemplate.spec', 'spec.nodeSets[].podTemplate.spec', 'spec.deployment.podTemplate.spec', 'spec.daemonSet.podTemplate.spec', 'spec.statefulSet.podTemplate.spec'].map((path) => pod(path, ECK_POD));

/** The built-in table. */
export const POD_TEMPLATE_TABLE: readonly PodTemplateEntry[] = [
  { group: 'argoproj.io', kinds: ['Rollout'], locations: [pod('spec.template.spec')], product: 'Argo Rollouts' },
  { group: 'argoproj.io', kinds: ['AnalysisTemplate', 'ClusterAnalysisTemplate', 'AnalysisRun'], locations: [pod('spec.metrics[].provider.job.spec.template.spec')], product: 'Argo Rollouts' },
  { group: 'argoproj.io', kinds: ['Workflow'], locations: [{ path: 'spec.templates[]', shape: argoTemplate('spec') }], product: 'Argo Workflows' },
  { group: 'argoproj.io', kinds: ['WorkflowTemplate', 'ClusterWorkflowTemplate'], locations: [{ path: 'spec.templates[]', shape: argoTemplate('spec', true) }], product: 'Argo Workflows' },
  { group: 'argoproj.io', kinds: ['CronWorkflow'], locations: [{ path: 'spec.workflowSpec.templates[]', shape: argoTemplate('spec.workflowSpec') }], product: 'Argo Workflows' },
  { group: 'argoproj.io', kinds: ['Sensor', 'EventSource'], locations: [{ path: 'spec.template', shape: ARGO_EVENTS }], product: 'Argo Events' },
  { group: 'serving.knative.dev', kinds: ['Service', 'Configuration'], locations: [pod('spec.template.spec', KNATIVE_POD)], product: 'Knative Serving' },
  { group: 'serving.knative.dev', kinds: ['Revision'], locations: [pod('spec', KNATIVE_POD)], product: 'Knative Serving' },
  // The source's controller makes a Deployment of the template (its containers send to K_SINK).
  { group: 'sources.knative.dev', kinds: ['ContainerSource'], locations: [pod('spec.template.spec')], product: 'Knative Eventing' },
  // OpenShift's DeploymentConfig (apps.openshift.io, or the legacy core `v1`): a ReplicationController's template.
  { group: 'apps.openshift.io', kinds: ['DeploymentConfig'], locations: [pod('spec.template.spec')], product: 'OpenShift' },
  { group: '', kinds: ['DeploymentConfig'], locations: [pod('spec.template.spec')], product: 'OpenShift' },
  { group: 'keda.sh', kinds: ['ScaledJob'], locations: [pod('spec.jobTargetRef.template.spec')], product: 'KEDA' },
  { group: 'tekton.dev', kinds: ['Task', 'ClusterTask'], locations: [pod('spec', TEKTON_TASK)], product: 'Tekton' },
  { group: 'tekton.dev', kinds: ['TaskRun'], locations: [pod('spec.taskSpec', { ...TEKTON_TASK, sharedVolumeOwners: ['spec.podTemplate'] })], product: 'Tekton' },
  { group: 'tekton.dev', kinds: ['Pipeline'], locations: [pod('spec.tasks[].taskSpec', TEKTON_TASK), pod('spec.finally[].taskSpec', TEKTON_TASK)], product: 'Tekton' },
  { group: 'tekton.dev', kinds: ['PipelineRun'], locations: [pod('spec.pipelineSpec.tasks[].taskSpec', TEKTON_TASK), pod('spec.pipelineSpec.finally[].taskSpec', TEKTON_TASK)], product: 'Tekton' },
  {
    group: 'kubeflow.org',
    kinds: ['PyTorchJob', 'TFJob', 'MPIJob', 'XGBoostJob', 'PaddleJob', 'JAXJob', 'MXJob'],
    locations: ['pytorchReplicaSpecs', 'tfReplicaSpecs', 'mpiReplicaSpecs', 'xgbReplicaSpecs', 'paddleReplicaSpecs', 'jaxReplicaSpecs', 'mxReplicaSpecs'].map(KUBEFLOW),
    product: 'Kubeflow Training Operator',
  },
  { group: 'ray.io', kinds: ['RayCluster'], locations: RAY('spec.'), product: 'KubeRay' },
  { group: 'ray.io', kinds: ['RayJob'], locations: [...RAY('spec.rayClusterSpec.'), pod('spec.submitterPodTemplate.spec')], product: 'KubeRay' },
  { group: 'ray.io', kinds: ['RayService'], locations: RAY('spec.rayClusterConfig.'), product: 'KubeRay' },
  {
    group: 'jobset.x-k8s.io',
    kinds: ['JobSet'],
    locations: [pod('spec.replicatedJobs[].template.spec.template.spec', { ...STANDARD_POD, sharedClaims: ['spec.volumeClaimPolicies[].templates'] })],
    product: 'JobSet',
  },
  {
    // A group of pods per replica: one from the leader template (the worker template when there is none) and the rest from the worker template.
    group: 'leaderworkerset.x-k8s.io',
    kinds: ['LeaderWorkerSet'],
    locations: ['leaderTemplate', 'workerTemplate'].map((t) => pod(`spec.leaderWorkerTemplate.${t}.spec`, { ...STANDARD_POD, sharedClaims: ['spec.leaderWorkerTemplate.volumeClaimTemplates'] })),
    product: 'LeaderWorkerSet',
  },
  { group: 'apps.kruise.io', kinds: ['StatefulSet', 'DaemonSet', 'BroadcastJob'], locations: [pod('spec.template.spec')], product: 'OpenKruise' },
  // A CloneSet makes a PVC per pod from each claim template and adds the volume, as a StatefulSet does.
  { group: 'apps.kruise.io', kinds: ['CloneSet'], locations: [pod('spec.template.spec', { ...STANDARD_POD, sharedClaims: ['spec.volumeClaimTemplates'] })], product: 'OpenKruise' },
  {
    group: 'apps.kruise.io',
    kinds: ['AdvancedCronJob'],
    locations: [pod('spec.template.jobTemplate.spec.template.spec'), pod('spec.template.broadcastJobTemplate.spec.template.spec')],
    product: 'OpenKruise',
  },
  { group: 'apps.kruise.io', kinds: ['SidecarSet'], locations: [pod('spec', KRUISE_SIDECARS)], product: 'OpenKruise' },
  // Agones game servers: a GameServer's pod template, and a Fleet's or GameServerSet's GameServer template.
  { group: 'agones.dev', kinds: ['GameServer'], locations: [pod('spec.template.spec')], product: 'Agones' },
  { group: 'agones.dev', kinds: ['Fleet', 'GameServerSet'], locations: [pod('spec.template.spec.template.spec')], product: 'Agones' },
  { group: 'batch.volcano.sh', kinds: ['Job'], locations: [pod('spec.tasks[].template.spec')], product: 'Volcano' },
  { group: 'elasticsearch.k8s.elastic.co', kinds: ['Elasticsearch'], locations: ELASTIC, product: 'Elastic Cloud on Kubernetes' },
  { group: 'kibana.k8s.elastic.co', kinds: ['Kibana'], locations: ELASTIC, product: 'Elastic Cloud on Kubernetes' },
  { group: 'apm.k8s.elastic.co', kinds: ['ApmServer'], locations: ELASTIC, product: 'Elastic Cloud on Kubernetes' },
  { group: 'enterprisesearch.k8s.elastic.co', kinds: ['EnterpriseSearch'], locations: ELASTIC, product: 'Elastic Cloud on Kubernetes' },
  { group: 'beat.k8s.elastic.co', kinds: ['Beat'], locations: ELASTIC, product: 'Elastic Cloud on Kubernetes' },
  { group: 'agent.k8s.elastic.co', kinds: ['Agent'], locations: ELASTIC, product: 'Elastic Cloud on Kubernetes' },
  { group: 'logstash.k8s.elastic.co', kinds: ['Logstash'], locations: ELASTIC, product: 'Elastic Cloud on Kubernetes' },
  { group: 'maps.k8s.elastic.co', kinds: ['ElasticMapsServer'], locations: ELASTIC, product: 'Elastic Cloud on Kubernetes' },
];

/** The API group of an apiVersion: `argoproj.io/v1alpha1` → `argoproj.io`, `v1` → ''. */
export function groupOf(apiVersion: string | undefined): string | undefined {
  if (apiVersion === undefined) return undefined;
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash).trim();
}

/** A user entry (setting `podsight.podTemplates` / `.podsight.yaml` `podTemplates`). */
export interface UserPodTemplate {
  /** `group/version` or just the group (`example.com`). */
  readonly apiVersion: string;
  readonly kind: string;
  /** Paths to pod specs (standard shape), e.g. `spec.template.spec`. */
  readonly podSpecs: readonly string[];
}

const PATH = /^(?:[A-Za-z0-9_$-]+(?:\[\])?|\*)(?:\.(?:[A-Za-z0-9_$-]+(?:\[\])?|\*))*$/;

/** Keeps the well-formed user entries; `problems` gets one line per entry it drops. */
export function validatePodTemplates(value: unknown, problems?: (index: number) => void): UserPodTemplate[] {
  if (!Array.isArray(value)) return [];
  const out: UserPodTemplate[] = [];
  value.forEach((raw, index) => {
    const e = raw as Partial<Record<string, unknown>> | null;
    const paths = e && Array.isArray(e.podSpecs) ? e.podSpecs : typeof e?.podSpecs === 'string' ? [e.podSpecs] : undefined;
    if (!e || typeof e.apiVersion !== 'string' || typeof e.kind !== 'string' || !paths || paths.length === 0 || !paths.every((p) => typeof p === 'string' && PATH.test(p))) {
      problems?.(index);
      return;
    }
    out.push({ apiVersion: e.apiVersion.trim(), kind: e.kind.trim(), podSpecs: paths as string[] });
  });
  return out;
}

/** The locations of an object's pods: user entries first, then the table. */
export function podLocationsFor(apiVersion: string | undefined, kind: string | undefined, user: readonly UserPodTemplate[] = []): readonly PodLocationSpec[] | undefined {
  if (kind === undefined) return undefined;
  const group = groupOf(apiVersion);
  if (group === undefined) return undefined;
  const mine = user.filter((u) => u.kind === kind && (u.apiVersion === apiVersion || u.apiVersion === group));
  if (mine.length > 0) return mine.flatMap((u) => u.podSpecs.map((p) => pod(p)));
  return POD_TEMPLATE_TABLE.find((e) => e.group === group && e.kinds.includes(kind))?.locations;
}
