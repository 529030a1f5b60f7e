/** English messages of the rules about a pod's neighbourhood: selectors, Services, env, config references. */
export const neighbourhoodEn = {
  'selector-mismatch.value':
    'The selector of {kind} "{name}" asks for {key}: {expected}, but its pod template is labelled {key}: {actual}. A workload must select its own template: kubectl apply rejects this ("spec.template.metadata.labels: Invalid value: …: `selector` does not match template `labels`").',
  'selector-mismatch.missing':
    'The selector of {kind} "{name}" asks for {key}: {expected}, but its pod template has no label {key}. A workload must select its own template: kubectl apply rejects this ("spec.template.metadata.labels: Invalid value: …: `selector` does not match template `labels`").',
  'selector-mismatch.expression':
    'The selector expression on {key} of {kind} "{name}" does not match its pod template\'s labels. A workload must select its own template: kubectl apply rejects this ("spec.template.metadata.labels: Invalid value: …: `selector` does not match template `labels`").',
  'selector-mismatch.absent':
    '{kind} "{name}" has no spec.selector. apps/v1 requires one (extensions/v1beta1 and apps/v1beta1 took the template\'s labels): kubectl apply rejects this with "spec.selector: Required value", and nothing of the object is created. The selector cannot be changed later, so pick the labels that will always name these pods.',
  'selector-mismatch.related': 'The pod template\'s labels.',
  'selector-mismatch.job':
    'Job "{name}" writes its own spec.selector (it asks for the label {label}) without manualSelector: true. The API server makes a Job\'s selector itself, from a controller-uid label unique to the Job, and refuses a selector that asks for other labels: kubectl apply rejects this ("`selector` not auto-generated"). Remove the selector; the pods keep their labels.',
  'selector-mismatch.template-selector':
    'The job template of CronJob "{name}" has a selector. Every Job the CronJob makes gets a selector of its own, so the API server refuses one here: kubectl apply rejects this ("spec.jobTemplate.spec.selector: `selector` will be auto-generated"), even an empty one. Remove it.',
  'selector-mismatch.template-manual':
    'The job template of CronJob "{name}" sets manualSelector: true, which a CronJob does not allow (each Job it makes must get its own selector): kubectl apply rejects this ("spec.jobTemplate.spec.manualSelector: Unsupported value: true"). Remove it.',
  'selector-mismatch.job-name':
    'The selector of Job "{name}" asks for {label}: {value}, but the API server labels the Job\'s pods with {label} set to the Job\'s own name, and refuses a selector that asks for anything else: kubectl apply rejects this ("`selector` not auto-generated"). Remove the selector; the server generates it.',
  'selector-mismatch.manual-without-selector':
    'Job "{name}" sets manualSelector: true but has no selector, so there is nothing to select its pods with: kubectl apply rejects this ("spec.selector: Required value"). Write the selector, or remove manualSelector and let the API server generate one.',
  'selector-mismatch.label-job-name':
    'The pod template of Job "{name}" is labelled {label}: {value}. The API server writes that label itself, with the Job\'s own name, and refuses a template that holds another value: kubectl apply rejects this ("spec.template.metadata.labels[{label}]: Invalid value: \"{value}\": must be \'{expected}\'"). Remove the label.',
  'selector-mismatch.template-job-name':
    'The pod template of CronJob "{name}" is labelled {label}: {value}. Each Job the CronJob makes is named "{name}-<time>", and the API server refuses a Job whose template holds another {label} ("must be \'{name}-…\'"): no Job is ever created. Remove the label; the server writes it.',
  'selector-mismatch.creator-job':
    '{creator} is the spec of the Jobs this resource creates, as written: its selector asks for the label {label}, without manualSelector: true. The API server makes each Job\'s selector itself and refuses one that asks for other labels ("`selector` not auto-generated"), so no Job is ever created. Remove the selector.',
  'selector-mismatch.creator-manual-without-selector':
    '{creator} is the spec of the Jobs this resource creates, as written: manualSelector: true without a selector, which the API server refuses for each Job ("spec.selector: Required value"). Write the selector, or remove manualSelector.',

  'service-selects-nothing.value':
    'Service "{service}" selects no pod template of namespace {namespace}: {workload} is labelled {key}: {actual}, where the selector asks for {key}: {expected}. With no pod selected the Service has no endpoints, and connections to it fail. Did you mean {key}: {actual}?',
  'service-selects-nothing.key':
    'Service "{service}" selects no pod template of namespace {namespace}: {workload} is labelled {actualKey}: {expected}, where the selector asks for {key}: {expected}. With no pod selected the Service has no endpoints, and connections to it fail. Did you mean {actualKey}?',
  'service-selects-nothing.missing':
    'Service "{service}" selects no pod template of namespace {namespace}: {workload} has every label the selector asks for except {key}: {expected}. With no pod selected the Service has no endpoints, and connections to it fail.',
  'service-selects-nothing.named-for':
    'Service "{service}" selects no pod template of namespace {namespace}: nothing is labelled {selector}. {workload}, beside it in this file and named like it, has its pods selected by {labels}. With no pod selected the Service has no endpoints, and connections to it fail. Did you mean the selector {labels}?',
  'service-selects-nothing.related': 'The pod template of {workload} is labelled here.',

  'duplicate-env.message':
    'Environment variable {name} is set twice in container "{container}". The API server accepts it and the last entry wins: the earlier value never reaches the process.',
  'duplicate-env.related': '{name} is first set here; this value is overridden.',

  'undefined-env-reference.undefined':
    'The {where} of container "{container}" refers to $({name}), but the container defines no variable {name}. The kubelet leaves the text as it is: the process receives the literal "$({name})".{didYouMean}',
  'undefined-env-reference.hook':
    'The kubelet does not expand $({name}) in lifecycle.{hook} of container "{container}": a hook\'s command runs as written, so the program gets the text "$({name})", not the value. Run it through a shell and write ${{name}} (the hook runs with the container\'s environment).',
  'undefined-env-reference.hook-shell':
    'The kubelet does not expand $({name}) in lifecycle.{hook} of container "{container}": a hook\'s command runs as written, so the shell reads $({name}) as a command substitution and runs a program named {name}, which fails. Write ${{name}}: the shell reads it from the container\'s environment.',
  'undefined-env-reference.hook-single-quoted':
    'The kubelet does not expand $({name}) in lifecycle.{hook} of container "{container}", and inside single quotes the shell does not either: the program gets the text "$({name})", not the value. Write "${{name}}" outside the single quotes: the shell reads it from the container\'s environment.',
  'undefined-env-reference.hook-powershell':
    'The kubelet does not expand $({name}) in lifecycle.{hook} of container "{container}": a hook\'s command runs as written, and PowerShell reads $({name}) as a subexpression that runs a command named {name}, which fails. Write $env:{name}: PowerShell reads it from the container\'s environment.',
  'undefined-env-reference.probe-single-quoted':
    'In the exec {probe} of container "{container}", the kubelet replaces $(VAR) only with variables written as `value:`; {name} comes from valueFrom (a Secret, a ConfigMap key or a field), so $({name}) becomes an empty string and the probe runs without it: it fails (or checks the wrong thing). Write "${{name}}" outside the single quotes: inside them the shell expands nothing.',
  'undefined-env-reference.probe-value-from':
    'In the exec {probe} of container "{container}", the kubelet replaces $(VAR) only with variables written as `value:`; {name} comes from valueFrom (a Secret, a ConfigMap key or a field), so $({name}) becomes an empty string and the probe runs without it: it fails (or checks the wrong thing). Inside `sh -c`, write ${name}: the shell reads it from the container\'s environment.',
  'undefined-env-reference.later':
    'The {where} of container "{container}" refers to $({name}), which is defined only further down the env list. A reference expands only to variables defined before it, so the process receives the literal "$({name})". Move {name} above this entry.',
  'undefined-env-reference.job-index':
    'The {where} of container "{container}" refers to $({name}). The Job controller adds {name} to the container only after its own env entries, and a reference expands only to variables defined before it, so the process receives the literal "$({name})". Define it above this entry (valueFrom.fieldRef: metadata.annotations[\'batch.kubernetes.io/job-completion-index\']), or use it in command or args, which see it.',

  'duplicate-port-name.message':
    'Container "{container}" names a port "{name}", and so does container "{other}". Port names are unique only within a container: a Service with targetPort: {name} sends its traffic to the first container that declares it ("{other}"), whichever was meant.',
  'duplicate-port-name.used': ' Service "{service}" selects this pod with targetPort: {name}, so its traffic goes to "{other}" only.',
  'duplicate-port-name.related': 'Container "{other}" names a port "{name}" here.',

  'probe-port-elsewhere.message':
    'The {where} of container "{container}" checks port {port}, which this container neither declares nor listens on by its image, but container "{other}" does. The kubelet probes the pod IP, which all containers share, so this probe tests "{other}": it passes whenever "{other}" answers, however "{container}" is doing.',
  'probe-port-elsewhere.own': ' This container\'s own port is {own}.',
  'probe-port-elsewhere.related': 'Container "{other}" declares port {port} here.',

  'host-port-conflict.across':
    'hostPort {hostPort}/{protocol} on {hostIP} is also taken by {other}, and both can run on one node ({why}). A node gives each host port to one pod only, so on such a node the second pod cannot be scheduled and stays Pending.',
  'host-port-conflict.across-host-network':
    'With hostNetwork, port {hostPort}/{protocol} is a host port on {hostIP} (the API server sets hostPort to containerPort), and {other} takes it too, and both can run on one node ({why}). A node gives each host port to one pod only, so on such a node the second pod cannot be scheduled and stays Pending.',
  'host-port-conflict.why-daemonsets': 'DaemonSets run a pod on every node',
  'host-port-conflict.why-daemonset': 'a DaemonSet runs a pod on every node',
  'host-port-conflict.why-daemonsets-selected': 'both select nodes by the same nodeSelector ({labels}), and DaemonSets run a pod on every node they select',
  'host-port-conflict.why-daemonset-selected': 'both select nodes by the same nodeSelector ({labels}), and a DaemonSet runs a pod on every node it selects',
  'host-port-conflict.across-related': '{other} takes hostPort {hostPort}/{protocol} here.',

  'dangling-backend.service':
    '{owner} "{name}" sends traffic to Service "{service}", but namespace {namespace} has no Service of that name in this workspace; did you mean "{suggestion}"? Requests to this backend fail (the controller answers 503 or 500).',
  'dangling-backend.other-namespace':
    '{owner} "{name}" in namespace {namespace} sends traffic to Service "{service}", which this workspace defines only in namespace {others}. A backend is a Service of its {owner}\'s own namespace, so none is found, and requests to it fail (the controller answers 503). Move one of them, or add an ExternalName Service "{service}" in {namespace} that points at the other.',
  'dangling-backend.other-namespace-related': 'Service "{service}" is defined here, in namespace {other}.',
  'dangling-backend.port-number':
    '{owner} "{name}" sends traffic to port {port} of Service "{service}", which has no port {port} (its ports: {ports}). Requests to this backend fail (the controller answers 503 or 500).',
  'dangling-backend.container-port': ' {port} is the container port the Service forwards to; a backend names the Service\'s own port, {servicePort}.',
  'dangling-backend.port-name':
    '{owner} "{name}" sends traffic to the port named "{port}" of Service "{service}", which has no port of that name (its ports: {ports}). Requests to this backend fail (the controller answers 503 or 500).{didYouMean}',
  'dangling-backend.related': 'Service "{service}" is defined here.',

  'service-link-env.refused':
    'Service "{service}" in namespace {namespace}{where} makes the kubelet set {variable}={value} in container "{container}" (a Service link variable), and {program} reads {variable} as its own setting: at start it refuses that value ("{says}") and exits: the container never runs (where it restarts, the pod crash-loops). Set enableServiceLinks: false in the pod spec, or give the Service another name.',
  'service-link-env.related': 'Service "{service}" is defined here: its name makes the variable {variable}.',
  'service-link-env.in-file': ' (in {file})',

  'missing-config-key.env':
    'Container "{container}" reads key "{key}" of {kind} "{name}", which has no such key (its keys: {keys}).{didYouMean} The kubelet will not start the container: CreateContainerConfigError, "couldn\'t find key {key} in {kind} {name}".',
  'missing-config-key.volume':
    'Volume "{volume}" projects key "{key}" of {kind} "{name}", which has no such key (its keys: {keys}).{didYouMean} The kubelet cannot mount the volume, so the pod stays in ContainerCreating.',
  'missing-config-key.sub-path':
    'Container "{container}" mounts key "{key}" of {kind} "{name}" at {mountPath} with subPath, but the {kind} has no such key (its keys: {keys}).{didYouMean} The kubelet then makes an empty folder named {key} in the volume and mounts that: the program finds a folder where it expects the file, and where the image has a file at {mountPath} the container cannot start ("not a directory").',
  'missing-config-key.related': '{kind} "{name}" is defined here.',

  'fix.duplicate-env.remove-earlier': 'Remove the earlier {name} (its value is overridden)',
  'fix.duplicate-env.remove-this': 'Remove this {name} (the earlier value wins then)',
  'fix.undefined-env-reference.move': 'Move the definition of {name} above this entry',
  'fix.selector-mismatch.absent': 'Add spec.selector.matchLabels: {labels}',
  'fix.keep-handler': 'Keep only {handler}',
  'fix.keep-on-delete': ', keeping updateStrategy OnDelete',
  'fix.with-deadline': ', with progressDeadlineSeconds: {deadline}',
  'fix.without-job-selector': ', removing spec.selector (batch/v1 writes its own)',
  'fix.api-version-and-selector': 'Set apiVersion: {apiVersion} and add spec.selector.matchLabels: {labels}',
  'fix.selector-mismatch.labels': 'Label the pod template {labels}',
  'fix.selector-mismatch.label': 'Label the pod template {key}: {value}',
  'fix.selector-mismatch.remove-selector': 'Remove the selector (the API server generates the Job\'s own)',
  'fix.selector-mismatch.manual': 'Set manualSelector: true (the selector must then select this Job\'s pods only)',
  'fix.selector-mismatch.remove-manual': 'Remove manualSelector: true',
  'fix.selector-mismatch.remove-label': 'Remove the label {label} (the API server writes it)',
  'fix.service-selects-nothing.select': 'Select the pods of {workload} ({labels})',
  'fix.service-selects-nothing.selector': 'Change the selector to {key}: {value}',
  'fix.probe-port-elsewhere.own': 'Probe this container\'s own port {port}',
  'fix.port-not-served.knative': 'Declare containerPort {port} (queue-proxy then forwards requests there)',
  'fix.service-link-env.disable-links': 'Set enableServiceLinks: false (the kubelet then sets no Service variables in this pod)',
};
