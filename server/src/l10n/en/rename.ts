/** English messages for rename. */
export const renameEn = {
  'rename.not-here':
    'Podsight can rename a container port name (from its declaration or a probe that uses it), a volume name (from the volume or a mount), a ConfigMap or Secret key (from its data entry or a reference that reads it, when the object is in the workspace) and a label key or value (from a pod template or a selector).',
  'rename.config-key-read-whole':
    'The key "{key}" of {kind} "{name}" is not renamed: {pod} reads the whole {kind} (envFrom, or a volume without items), where the key is a variable or file name the application uses.',
  'rename.invalid-config-key': '"{name}" is not a valid ConfigMap or Secret key: {reason}.',
  'rename.invalid-label-key': '"{name}" is not a valid label key: {reason}.',
  'rename.invalid-label-value': '"{name}" is not a valid label value: {reason}.',
  'rename.immutable-selector': 'Selector of an existing workload',
  'rename.immutable-selector.why':
    'The API server refuses to change spec.selector of an existing Deployment, StatefulSet, DaemonSet, ReplicaSet or Job: kubectl apply fails until the object is deleted and created again.',
  'rename.invalid-port-name': '"{name}" is not a valid port name: {reason}.',
  'rename.invalid-volume-name': '"{name}" is not a valid volume name: {reason}.',
};
