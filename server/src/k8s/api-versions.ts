/**
 * API versions the API server no longer serves, or serves deprecated, from the Kubernetes
 * "Deprecated API Migration Guide" (kubernetes.io/docs/reference/using-api/deprecation-guide/):
 * per group/version and kind, the release that removed it, the replacement and the release that
 * made the replacement available. `notable`: the replacement changed fields (not a rename only).
 */
export interface ApiRemoval {
  readonly removedIn: string;
  /** `group/version` to use instead, or undefined when the API is gone without one. */
  readonly replacement?: string;
  readonly since?: string;
  readonly notable: boolean;
  /** The kind to use with the replacement when it was renamed (PetSet became StatefulSet). */
  readonly replacementKind?: string;
}

export interface ApiDeprecation {
  readonly deprecatedIn: string;
  /** What to use instead, `group/version Kind`. */
  readonly replacement: string;
}

type Row = readonly [apiVersions: string, kinds: string, removedIn: string, replacement: string | undefined, since: string | undefined, notable: boolean, replacementKind?: string];

/** One row per release and family, as the guide lists them. */
const REMOVED: readonly Row[] = [
  ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema PriorityLevelConfiguration', '1.32', 'flowcontrol.apiserver.k8s.io/v1', '1.29', true],
  ['flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema PriorityLevelConfiguration', '1.29', 'flowcontrol.apiserver.k8s.io/v1', '1.29', true],
  ['storage.k8s.io/v1beta1', 'CSIStorageCapacity', '1.27', 'storage.k8s.io/v1', '1.24', false],
  ['flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema PriorityLevelConfiguration', '1.26', 'flowcontrol.apiserver.k8s.io/v1', '1.29', false],
  // The guide repeats v2beta1's note here, but v2 is v2beta2's schema made GA: the same body applies (sweeps EZ, FC).
  ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.26', 'autoscaling/v2', '1.23', false],
  ['batch/v1beta1', 'CronJob', '1.25', 'batch/v1', '1.21', false],
  ['discovery.k8s.io/v1beta1', 'EndpointSlice', '1.25', 'discovery.k8s.io/v1', '1.21', true],
  ['events.k8s.io/v1beta1', 'Event', '1.25', 'events.k8s.io/v1', '1.19', true],
  ['autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.25', 'autoscaling/v2', '1.23', true],
  ['policy/v1beta1', 'PodDisruptionBudget', '1.25', 'policy/v1', '1.21', true],
  ['policy/v1beta1', 'PodSecurityPolicy', '1.25', undefined, undefined, true],
  ['node.k8s.io/v1beta1', 'RuntimeClass', '1.25', 'node.k8s.io/v1', '1.20', false],
  ['admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration ValidatingWebhookConfiguration', '1.22', 'admissionregistration.k8s.io/v1', '1.16', true],
  ['apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', '1.22', 'apiextensions.k8s.io/v1', '1.16', true],
  ['apiregistration.k8s.io/v1beta1', 'APIService', '1.22', 'apiregistration.k8s.io/v1', '1.10', false],
  ['authentication.k8s.io/v1beta1', 'TokenReview', '1.22', 'authentication.k8s.io/v1', '1.6', false],
  ['authorization.k8s.io/v1beta1', 'SubjectAccessReview LocalSubjectAccessReview SelfSubjectAccessReview', '1.22', 'authorization.k8s.io/v1', '1.6', true],
  ['certificates.k8s.io/v1beta1', 'CertificateSigningRequest', '1.22', 'certificates.k8s.io/v1', '1.19', true],
  ['coordination.k8s.io/v1beta1', 'Lease', '1.22', 'coordination.k8s.io/v1', '1.14', false],
  ['extensions/v1beta1 networking.k8s.io/v1beta1', 'Ingress', '1.22', 'networking.k8s.io/v1', '1.19', true],
  ['networking.k8s.io/v1beta1', 'IngressClass', '1.22', 'networking.k8s.io/v1', '1.19', false],
  ['rbac.authorization.k8s.io/v1beta1 rbac.authorization.k8s.io/v1alpha1', 'ClusterRole ClusterRoleBinding Role RoleBinding', '1.22', 'rbac.authorization.k8s.io/v1', '1.8', false],
  ['scheduling.k8s.io/v1beta1', 'PriorityClass', '1.22', 'scheduling.k8s.io/v1', '1.14', false],
  ['storage.k8s.io/v1beta1', 'CSIDriver', '1.22', 'storage.k8s.io/v1', '1.19', false],
  ['storage.k8s.io/v1beta1', 'CSINode', '1.22', 'storage.k8s.io/v1', '1.17', false],
  ['storage.k8s.io/v1beta1', 'StorageClass', '1.22', 'storage.k8s.io/v1', '1.6', false],
  ['storage.k8s.io/v1beta1', 'VolumeAttachment', '1.22', 'storage.k8s.io/v1', '1.13', false],
  // Alpha versions, served only when enabled, then removed (sweep AN met v1alpha1 RBAC objects).
  ['batch/v2alpha1', 'CronJob', '1.21', 'batch/v1', '1.21', false],
  ['settings.k8s.io/v1alpha1', 'PodPreset', '1.20', undefined, undefined, true],
  ['extensions/v1beta1', 'NetworkPolicy', '1.16', 'networking.k8s.io/v1', '1.8', false],
  // Its replacement, policy/v1beta1, went too (1.25): there is nothing to move to.
  ['extensions/v1beta1', 'PodSecurityPolicy', '1.16', undefined, undefined, true],
  ['extensions/v1beta1 apps/v1beta2', 'DaemonSet', '1.16', 'apps/v1', '1.9', true],
  ['extensions/v1beta1 apps/v1beta1 apps/v1beta2', 'Deployment', '1.16', 'apps/v1', '1.9', true],
  ['apps/v1beta1 apps/v1beta2', 'StatefulSet', '1.16', 'apps/v1', '1.9', true],
  ['extensions/v1beta1 apps/v1beta1 apps/v1beta2', 'ReplicaSet', '1.16', 'apps/v1', '1.9', true],
  // Renamed StatefulSet (apps/v1beta1) in 1.5, when the alpha PetSet stopped being served (sweep EE
  // met a ZooKeeper PetSet still in a public repository).
  ['apps/v1alpha1', 'PetSet', '1.5', 'apps/v1', '1.9', true, 'StatefulSet'],
];

/** Still served, but deprecated: the API server answers with a warning. */
const DEPRECATED: Readonly<Record<string, ApiDeprecation>> = {
  'v1/Endpoints': { deprecatedIn: '1.33', replacement: 'discovery.k8s.io/v1 EndpointSlice' },
};

const removals = new Map<string, ApiRemoval>();
for (const [apiVersions, kinds, removedIn, replacement, since, notable, replacementKind] of REMOVED) {
  for (const apiVersion of apiVersions.split(' ')) {
    for (const kind of kinds.split(' ')) removals.set(`${apiVersion}/${kind}`, { removedIn, replacement, since, notable, ...(replacementKind ? { replacementKind } : {}) });
  }
}

/** The removal of an apiVersion/kind, or undefined while it is served. */
export function removalOf(apiVersion: string, kind: string): ApiRemoval | undefined {
  return removals.get(`${apiVersion.trim()}/${kind.trim()}`);
}

/** The deprecation of an apiVersion/kind that is still served, or undefined. */
export function deprecationOf(apiVersion: string, kind: string): ApiDeprecation | undefined {
  const key = `${apiVersion.trim()}/${kind.trim()}`;
  return Object.hasOwn(DEPRECATED, key) ? DEPRECATED[key] : undefined;
}

/** Every removal (for the docs test and the README). */
export function allRemovals(): { apiVersion: string; kind: string; removal: ApiRemoval }[] {
  return [...removals].map(([key, removal]) => {
    const slash = key.lastIndexOf('/');
    return { apiVersion: key.slice(0, slash), kind: key.slice(slash + 1), removal };
  });
}
