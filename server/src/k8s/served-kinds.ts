/**
 * The kinds each built-in apiVersion serves (Kubernetes 1.30–1.36), beyond those of the shipped
 * schema: what `kind:` may say under that apiVersion. Used to tell a misspelt kind (`Deploymnet`,
 * `SrviceAccount`, `deployment`) from a kind of another API (kubectl: "no matches for kind").
 */
export const OTHER_SERVED_KINDS: Readonly<Record<string, readonly string[]>> = {
  v1: ['Binding', 'ComponentStatus', 'Endpoints', 'Event', 'Node', 'PodTemplate'],
  'apps/v1': ['ControllerRevision'],
  'batch/v1': [],
  'autoscaling/v1': [],
  'autoscaling/v2': [],
  'policy/v1': ['Eviction'],
  'networking.k8s.io/v1': ['IPAddress', 'ServiceCIDR'],
  'discovery.k8s.io/v1': ['EndpointSlice'],
  'storage.k8s.io/v1': ['CSIDriver', 'CSINode', 'CSIStorageCapacity', 'VolumeAttachment', 'VolumeAttributesClass'],
  'rbac.authorization.k8s.io/v1': [],
  'scheduling.k8s.io/v1': [],
  'coordination.k8s.io/v1': ['Lease'],
  'node.k8s.io/v1': ['RuntimeClass'],
  'certificates.k8s.io/v1': ['CertificateSigningRequest'],
  'admissionregistration.k8s.io/v1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding'],
  'apiextensions.k8s.io/v1': ['CustomResourceDefinition'],
  'apiregistration.k8s.io/v1': ['APIService'],
  'events.k8s.io/v1': ['Event'],
  'flowcontrol.apiserver.k8s.io/v1': ['FlowSchema', 'PriorityLevelConfiguration'],
};
