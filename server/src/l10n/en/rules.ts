/** English diagnostic messages, one group per rule. `{name}` placeholders are filled by the rules. */
export const rulesEn = {
  'common.did-you-mean': ' Did you mean "{suggestion}"?',

  'yaml-syntax.message': 'YAML syntax error: {message}',
  'yaml-syntax.empty-key':
    'This key reads as null (it is empty, `~` or `null`). A Kubernetes object is JSON, whose keys are strings: kubectl cannot convert this mapping ("unsupported map key") and rejects the file. Write the field name, or remove the line.',
  'yaml-syntax.duplicate-key':
    'Key "{key}" appears twice in this mapping. Kubernetes keeps only the last value, and strict validation may reject the object ("key already set in map"); remove one of them.',
  'templated-file.message':
    'This document contains template actions ({{ }}) and is not YAML until it is rendered, even with the actions masked, so Podsight did not check it. Render it (for example with `helm template`) to check it.',
  'templated-file.ytt':
    'This document is a ytt template: its `#@` annotations set values and repeat or drop parts when ytt renders it. Podsight checked it with the {count} values they set unknown, and reports nothing inside its {blocks} `if`/`for`/`def` blocks. Check the output of `ytt -f …` to check everything.',
  'templated-file.ytt-overlay':
    'This document is a ytt overlay (`#@overlay/match`): ytt merges it into the documents it matches, so it is not a whole object and Podsight does not check it. Check the output of `ytt -f …` to check the result.',
  'templated-file.tokens':
    'This document holds placeholders a `sed` or CI step replaces before `kubectl apply` (such as `{token}`; {count} in all), and is not the manifest that will be applied until then. Podsight checked it with them masked: what they insert is unknown, so nothing that depends on it is reported. Check the replaced output to check everything.',
  'templated-file.placeholders':
    'This document is not YAML until its `${…}` placeholders ({count} in all) are substituted (envsubst, Flux post-build substitution). Podsight checked it with them masked: what they insert is unknown, so nothing that depends on it is reported. Substitute them (for example `envsubst < file.yaml`) to check everything.',
  'templated-file.engine':
    'This document is a {engine} template: it is not YAML until {engine} renders it. Podsight checked it with its {count} directives and interpolations masked: what they insert is unknown, so nothing that depends on it is reported, and nothing inside its {blocks} conditional or repeated blocks either. Render it to check everything.',
  'templated-file.directives':
    'This document is a Terraform template: it is not YAML until `templatefile()` renders its {count} `%{…}` directives and `${…}` interpolations. Podsight checked it with them masked: what they insert is unknown, so nothing that depends on it is reported, and nothing inside the {blocks} `%{ if }`/`%{ for }` blocks either. Render it (for example with `terraform console`) to check everything.',
  'templated-file.masked':
    'This document contains {actions} ({{ }}). Podsight checked it with the actions masked: values they produce and lines they insert are unknown, so nothing that depends on them is reported{blocks} Render it (for example with `helm template`) to check everything.',
  'templated-file.masked-other':
    'This document contains {actions} ({{ }}) that Go templates cannot read (written for Jinja, Mustache or a script\'s `sed`), so `helm template` cannot render it. Podsight checked it with the actions masked: values they produce and lines they insert are unknown, so nothing that depends on them is reported{blocks} Render it with the tool that fills it in to check everything.',
  'templated-file.message-other':
    'This document contains template actions ({{ }}) that Go templates cannot read (written for Jinja, Mustache or a script\'s `sed`) and is not YAML until it is rendered, even with the actions masked, so Podsight did not check it. Render it with the tool that fills it in to check it.',
  'templated-file.actions.one': 'a template action',
  'templated-file.actions.other': '{n} template actions',
  'templated-file.blocks.none': '.',
  'templated-file.blocks.one': ', and nothing inside its `if`/`range`/`with` block either.',
  'templated-file.blocks.other': ', and nothing inside its {n} `if`/`range`/`with` blocks either.',

  'port-conflict.message':
    'Port {port}/{protocol} is already declared by container "{other}", which runs at the same time. All containers of a pod share one network namespace, so the second process to bind {port} fails with "Address already in use" and its container crash-loops. kubectl apply only warns: "{path}: duplicate port definition with {otherPath}".',
  'port-conflict.init':
    'Port {port}/{protocol} is already declared by container "{other}". Init containers run beside the sidecars started before them, in the same network namespace, so the second process to bind {port} fails with "Address already in use".',
  'port-conflict.unsure':
    'Port {port}/{protocol} is also declared by container "{other}", which runs at the same time. Whether {image} in container "{unsure}" really listens there is not known: {why}. If both processes bind {port}, the second fails with "Address already in use"; if only one does, the other declaration is a copy that misleads readers and tools. kubectl apply warns: "{path}: duplicate port definition with {otherPath}".',
  'port-conflict.declared':
    'Port {port}/{protocol} is also declared by container "{other}", which runs at the same time. Only the declarations say what these programs listen on: if both bind {port}, they share the pod\'s network namespace and the second fails with "Address already in use" (its container crash-loops); if one listens elsewhere, its declaration is wrong and misleads Services and readers. kubectl apply only warns: "{path}: duplicate port definition with {otherPath}".',
  'port-conflict.related': 'Container "{name}" declares {port}/{protocol} here.',

  'implicit-port-conflict.message':
    'Container "{name}" ({image}) listens on {listen} ({how}), and container "{other}" on {otherListen} ({otherHow}). Both run in the same pod network namespace, so the second process to bind {port} fails with "Address already in use" and its container crash-loops. No pair of containerPort declarations shows this: a declaration neither reserves nor moves a port.',
  'implicit-port-conflict.related': 'Container "{name}" listens on {listen} here ({how}).',

  'port-not-served.message':
    'Container "{name}" declares {port}/{protocol}, but {image} listens on {served}, not on {port}/{protocol}. A declaration moves nothing: Services, probes and other containers that connect to port {port} get "connection refused".',
  'port-not-served.knative':
    'Container "{name}" declares no port, so Knative\'s queue-proxy forwards requests to port {port} (and sets PORT={port}), but {image} listens on {served} and does not read PORT. queue-proxy\'s readiness check on {port} never passes: the revision never becomes ready and requests fail. Declare the port it serves (ports: [{containerPort: …}]).',
  'port-not-served.probe':
    '{where} of container "{name}" checks port {port}, but nothing in the pod listens there: {image} listens on {served}. The kubelet gets "connection refused" every time: a liveness probe restarts the container forever, a readiness or startup probe keeps the pod out of its Services.',
  'port-not-served.loopback-host':
    '{where}.host of container "{container}" is {host}. The kubelet sends the probe from the node, so {host} is the node\'s own loopback, not this pod (it has a network namespace of its own): the probe checks whatever listens on the node, and fails when nothing does (a liveness probe then restarts the container forever). Leave host out to probe the pod IP; a Host header goes in httpHeaders.',
  'loopback.default-bind': '{program} binds {address} by default, and nothing here sets another address',
  'port-not-served.loopback-listener':
    'Container "{container}" listens on port {port} on the pod\'s loopback only ({origin}), but the kubelet sends {where} to the pod\'s IP, from the node: the connection is refused and the probe fails (a liveness probe restarts the container again and again, a readiness probe keeps the pod out of its Services). Bind the port on every address (0.0.0.0), or probe another port.',
  'port-not-served.loopback-listener-sibling':
    'Container "{binder}" holds port {port} on the pod\'s loopback only ({origin}), and while it does no process of the pod can take it on every address; the kubelet sends {where} of container "{container}" to the pod\'s IP, from the node: the connection is refused and the probe fails (a liveness probe restarts the container again and again, a readiness probe keeps the pod out of its Services).',
  'port-not-served.loopback-listener-host-network':
    'Container "{binder}" listens on port {port} on the loopback only ({origin}); on the node\'s network that is the node\'s loopback, but the kubelet sends {where} of container "{container}" to the node\'s address: the connection is refused and the probe fails (a liveness probe restarts the container again and again). Probe the loopback with host: 127.0.0.1, or bind the port on every address.',
  'port-not-served.loopback-listener-related': 'Port {port} is bound to loopback only here: {origin}.',
  'port-not-served.nothing': 'no port with these settings',
  'port-not-served.served': '{listen} ({how})',

  'listener.how.image': 'the image default',
  'listener.how.image-script': 'the image default: its `sh -c` script ends by starting the server',
  'listener.how.setting': 'set by {origin}',
  'listener.how.config': 'from {origin}',
  'listener.how.declared': 'declared; Podsight does not know this image, so the declaration stands for its process',
  'listener.how.declared-extra': 'declared; Podsight does not know every port this image can open, so the declaration stands for a process of it',
  'listener.how.command': 'declared; `command` replaces the image entrypoint, so the image default no longer holds',
  'listener.how.args-program': 'declared; args run "{program}" instead of the image\'s server, so the image default no longer holds',
  'listener.how.exit-flag': 'declared; {flag} makes the server print or test something and exit, so the image default no longer holds',
  'listener.how.unsure': 'declared; Podsight cannot tell what the process binds: {why}',

  'host-port-conflict.rejected':
    'hostPort {hostPort}/{protocol} on {hostIP} is already taken by container "{other}"; the node can give it to only one listener. kubectl apply rejects this: "{path}: Duplicate value: "{tuple}"".',
  'host-port-conflict.runtime':
    'hostPort {hostPort}/{protocol} on {hostIP} is already taken by container "{other}", which runs at the same time; the node can give it to only one listener. The API server does not check this combination, so the pod is accepted and then fails to start.',
  'host-port-conflict.host-network':
    'With hostNetwork, the API server sets each port\'s hostPort to its containerPort, so container "{name}" takes {hostPort}/{protocol} on the node, which container "{other}" takes too; a node gives it to one listener only. kubectl apply rejects this: "{path}: Duplicate value: "{tuple}"".',
  'host-port-conflict.host-network-template':
    'With hostNetwork, the API server sets each port\'s hostPort to its containerPort when the {kind}\'s controller creates a pod, so container "{name}" takes {hostPort}/{protocol} on the node, which container "{other}" takes too. Every such pod is refused and none runs: the {kind}\'s events show FailedCreate: "{path}: Duplicate value: "{tuple}"".',
  'host-port-conflict.related': 'Container "{name}" takes hostPort {hostPort}/{protocol} here.',

  'host-network-port-mismatch.message':
    'With hostNetwork: true the container listens directly on the node, so hostPort must equal containerPort ({containerPort}). kubectl apply rejects this: "{path}: Invalid value: {hostPort}: must match `containerPort` when `hostNetwork` is true".',
  'host-network-port-mismatch.related': 'hostNetwork is enabled here.',

  'invalid-port.required': 'A port needs a containerPort. kubectl apply rejects this: "{path}: Required value".',
  'invalid-port.not-integer': '{field} must be a whole number between 1 and 65535, not {value}. kubectl apply cannot decode the object.',
  'invalid-port.range': '{field} {value} is outside 1–65535. kubectl apply rejects this: "{path}: Invalid value: {value}: must be between 1 and 65535, inclusive".',
  'invalid-port.protocol':
    'Protocol "{value}" is not supported; use TCP, UDP or SCTP (upper case). kubectl apply rejects this: "{path}: Unsupported value: "{value}": supported values: "SCTP", "TCP", "UDP"".',
  'invalid-port.name':
    'Port name "{value}" is not a valid IANA service name: {reason}. kubectl apply rejects this: "{path}: Invalid value: "{value}": {reason}".',
  'invalid-port.quoted-number':
    'In quotes, "{value}" is a port name, not the number {value}, and a name needs a letter. kubectl apply rejects this: "{path}: Invalid value: "{value}": {reason}". Write {value} without quotes.',
  'invalid-port.duplicate-name':
    'Port name "{value}" is used twice in container "{container}"; probes and Services that refer to it by name would be ambiguous. kubectl apply rejects this: "{path}: Duplicate value: "{value}"".',
  'invalid-port.service-name-required':
    'This Service has {count} ports, so each needs a name (Services and Endpoints tell them apart by name). kubectl apply rejects it: "{path}: Required value".',
  'invalid-port.service-name':
    'Service port name "{value}" is not a DNS-1123 label: {reason}. kubectl apply rejects this: "{path}: Invalid value: "{value}": {reason}".',
  'invalid-port.service-duplicate-name':
    'Port name "{value}" is used twice in this Service. kubectl apply rejects this: "{path}: Duplicate value: "{value}"".',
  'invalid-port.node-port-range':
    'nodePort {port} is outside the node port range, {min}–{max} unless the cluster was started with another --service-node-port-range. The API server then refuses the Service: "{path}: Invalid value: {port}: provided port is not in the valid range. The range of valid ports is {min}-{max}". Pick a port in the range, or leave nodePort out and let the cluster choose one.',
  'invalid-port.node-port-cluster-ip':
    "A ClusterIP Service (the default type) opens no port on the nodes, so it cannot have nodePort {port}; use type: NodePort or LoadBalancer to reach it from outside, or remove nodePort. kubectl apply rejects this: \"{path}: Forbidden: may not be used when `type` is 'ClusterIP'\".",
  'invalid-port.node-port-duplicate':
    "nodePort {port}/{protocol} is used twice in this Service: each node port leads to one Service port. kubectl apply rejects this: \"{path}: Duplicate value: {port}\".",
  'invalid-port.service-duplicate-port':
    'Port {port}/{protocol} is listed twice in this Service. kubectl apply rejects this: "{path}: Duplicate value: …Protocol:"{protocol}"…Port:{port}…".',
  'invalid-port.service-duplicate-port-related': 'Port {port}/{protocol} is first listed here.',
  'invalid-port.duplicate-name-related': 'Port name "{value}" is first declared here.',

  'unknown-port-name.message':
    '{where} refers to port "{name}", which container "{container}" does not declare.{didYouMean} The API server accepts it, but the kubelet cannot resolve the name, so the check fails every time (a liveness probe then restarts the container forever, a readiness probe keeps the pod out of its Services).',

  'mount-shadows-image.message':
    'Mounting volume {volume} at {mountPath} hides what image {image} ships in {dir}: {contents}. Kubernetes never copies image files into a volume (unlike Docker named volumes), so container "{container}" starts with an empty directory there.',
  'mount-shadows-image.nginx-include':
    'ConfigMap "{configMap}" mounted at {mountPath} replaces nginx\'s whole folder, and its configuration includes {file}, which the ConfigMap does not hold and the mount hides: nginx exits at start ("[emerg] open() "{file}" failed (2: No such file or directory)"). Mount only nginx.conf (subPath), or add the file to the ConfigMap.',
  'mount-shadows-image.nginx-no-conf':
    'ConfigMap "{configMap}" mounted at {mountPath} replaces nginx\'s whole folder but holds no nginx.conf: nginx exits at start ("[emerg] open() "/etc/nginx/nginx.conf" failed (2: No such file or directory)"). Mount it at /etc/nginx/conf.d if it holds server blocks, or add nginx.conf.',
  'mount-shadows-image.config':
    'Mounting {source} volume "{name}" at {mountPath} replaces what image {image} ships in {dir}: {contents}. Only the keys of the {source} will be there; mount single files with subPath if the image\'s other files are still needed.',
  'mount-shadows-image.persistent':
    'Mounting volume {volume} at {mountPath} hides what image {image} ships in {dir}: {contents}. Kubernetes never copies image files into a volume, so this works only if the volume already holds that content.',
  'mount-shadows-image.over-file':
    'Volume {volume} is a directory, and container "{container}" mounts it at {mountPath}, which {image} ships as a file. The container runtime cannot mount a directory over a file, so the container is never created ("not a directory: Are you trying to mount a directory onto a file?"). To put one file there, mount one key of the volume with subPath: {key}.',
  'invalid-image.whitespace-pod':
    'The image of container "{container}" has spaces around it ("{image}"). kubectl apply rejects this: "{path}: Invalid value: "{image}": must not have leading or trailing whitespace".',
  'invalid-image.whitespace-template':
    'The image of container "{container}" has spaces around it ("{image}"). kubectl apply accepts the {kind}, but the API server refuses every pod made from it: "{path}: Invalid value: "{image}": must not have leading or trailing whitespace", so none is created.',
  'invalid-image.registry-slip': 'Container "{container}" pulls "{image}" from the registry "{host}", a letter away from {meant}. Nothing refuses the pod: the kubelet asks {host} for the image, and the pull fails (ErrImagePull), or fetches whatever the owner of that domain serves. Did you mean {meant}?',
  'invalid-image.message':
    'Container "{container}" will not start: "{image}" is not an image reference ({reason}). The API server accepts the pod, but the kubelet cannot parse the reference to pull it, and the container stays in InvalidImageName.',
  'run-as-non-root.image-root':
    'Container "{container}" will not start: runAsNonRoot is true and no runAsUser is set, so the kubelet checks the image\'s user, and {image} starts as root (the image sets no USER: {source}). It refuses the container: "container has runAsNonRoot and image will run as root", and the pod stays in CreateContainerConfigError. Set runAsUser to a non-root UID the image supports, or use an image that runs as a numeric non-root user.',
  'run-as-non-root.image-named':
    'Container "{container}" will not start: runAsNonRoot is true and no runAsUser is set, so the kubelet checks the image\'s user, and {image} names it "{user}" ({source}): a name, which the kubelet cannot verify is not root. It refuses the container: "container has runAsNonRoot and image has non-numeric user ({user}), cannot verify user is non-root", and the pod stays in CreateContainerConfigError. Set runAsUser: {uid}, the UID of {user} in the image.',
  'run-as-non-root.root-uid':
    'Container "{container}" will not start: runAsUser is 0 (root) while runAsNonRoot is true. The kubelet refuses it: "container\'s runAsUser breaks non-root policy", and the pod stays in CreateContainerConfigError.',
  'run-as-non-root.related': 'runAsNonRoot: true is set here',
  'mount-shadows-image.refused':
    'Container "{container}" mounts volume "{volume}" at {path}, and {image} (PostgreSQL 18 or later) refuses to start with a mount there: its entrypoint stops with "there appears to be PostgreSQL data in: {path} (unused mount/volume)", and the container crash-loops. From 18 the data lives in /var/lib/postgresql/18/docker: mount the volume at {instead}, or set {env} to a folder in this mount (such as {path}/pgdata) to keep it.',
  'mount-shadows-image.volume': '"{name}" ({source})',
  'mount-shadows-image.volume-unknown': '"{name}"',
  'mount-shadows-image.volume-defaulted': '"{name}" (no source written, so the API server makes it an emptyDir)',
  'mount-shadows-image.related': 'Image {image} ships {contents} in {dir}.',

  'nested-mount-path.message':
    '{mountPath} lies inside {parent}, which this container also mounts (volume "{parentVolume}"). The inner mount is placed on top, so in this container the files of "{parentVolume}" under {mountPath} are hidden by volume "{volume}".',
  'nested-mount-path.related': 'Volume "{parentVolume}" is mounted at {parent} here.',

  'duplicate-mount-path.exact':
    'mountPath {mountPath} is used twice in container "{container}" (volumes "{otherVolume}" and "{volume}"). kubectl apply rejects this: "{path}: Invalid value: "{mountPath}": must be unique".',
  'duplicate-mount-path.normalised':
    '{mountPath} is the same directory as {other} (volume "{otherVolume}") in container "{container}". The API server compares mountPath as strings, so it does not catch this, yet both entries name one directory in the container: at most one of the two volumes can be seen there. Keep one mount, or move the other.',
  'duplicate-mount-path.related': 'Volume "{otherVolume}" is already mounted at {other} here.',

  'undefined-volume.message':
    'Container "{container}" mounts volume "{name}", but {volumes} defines no volume of that name.{didYouMean} kubectl apply rejects this: "{path}: Not found: "{name}"".',
  'undefined-volume.open':
    'Container "{container}" mounts volume "{name}", which {volumes} does not define.{didYouMean} The runs that use this template may give it a volume of that name; unless one does, the pod is rejected: "Not found: "{name}"".',
  'undefined-volume.dropped':
    'Container "{container}" mounts volume "{name}", but {volumes} defines no volume of that name.{didYouMean} KubeRay removes such a mount from the Ray container when it builds the pod, so the pod starts without it: nothing of the volume is at this mount path, and what the container writes there stays in its own filesystem.',

  'undefined-volume.device':
    'Container "{container}" uses volume "{name}" as a block device (volumeDevices), but {volumes} defines no volume of that name.{didYouMean} kubectl apply rejects this: "{path}: Not found: "{name}"".',
  'undefined-volume.device-open':
    'Container "{container}" uses volume "{name}" as a block device (volumeDevices), which {volumes} does not define.{didYouMean} The runs that use this template may give it a volume of that name; unless one does, the pod is rejected: "Not found: "{name}"".',

  'unused-volume.message': 'Volume "{name}" ({source}) is not mounted by any container; it is set up for nothing.',
  'unused-volume.knative':
    'Volume "{name}" ({source}) is not mounted by any container, which Knative\'s webhook refuses: kubectl apply fails with "validation failed: volume with name "{name}" not mounted: {path}.name". Mount it where the app needs it, or remove it.',

  'duplicate-volume-name.message': 'Volume name "{name}" is already used in this pod. kubectl apply rejects this: "{path}: Duplicate value: "{name}"".',
  'duplicate-volume-name.related': 'Volume "{name}" is first defined here.',

  'duplicate-container-name.message':
    'Container name "{name}" is already used by {other}; names must be unique across containers, initContainers and ephemeralContainers. kubectl apply rejects this: "{path}: Duplicate value: "{name}"".',
  'duplicate-container-name.related': 'Container "{name}" is first defined here.',

  'hpa-missing-request.message':
    '{scaler} scales {workload} on {resource} utilization, but container "{container}" requests no {resource}. Utilization is usage divided by the request, so the autoscaler cannot compute it and never scales: its ScalingActive condition turns False with "failed to get {resource} utilization: missing request for {resource} in container {container} of Pod …" (FailedGetResourceMetric). Both objects are accepted on apply. Set resources.requests.{resource} on the container (or target an AverageValue).',
  'hpa-missing-request.partial':
    '{scaler} scales {workload} on {resource} utilization, but container "{container}" requests no {resource}. Utilization is usage divided by the request, so this metric cannot be computed ("failed to get {resource} utilization: missing request for {resource} in container {container} of Pod …"): the autoscaler scales out on its other metrics only, and never scales in while a metric fails. Set resources.requests.{resource} on the container (or target an AverageValue).',
  'hpa-missing-request.hpa': 'HorizontalPodAutoscaler "{name}"',
  'hpa-missing-request.scaled-object': 'ScaledObject "{name}" (through the HorizontalPodAutoscaler KEDA makes of it)',
  'hpa-missing-request.related': 'Container "{container}" of {workload} has no {resource} request.',
  'invalid-name.empty': 'The {what} name is empty, and every {what} needs one. kubectl apply rejects this: "{path}: Required value".',
  'invalid-name.message': '"{name}" is not a valid {what} name. kubectl apply rejects this: "{path}: Invalid value: "{name}": {reason}".',
  'invalid-name.generate-name': '"{name}" is not a valid {kind} name prefix. The API server rejects this: "{path}: Invalid value: "{name}": {reason}".',
  'invalid-name.job-label':
    'The Job name "{name}" has {length} characters: the Job controller copies it into the job-name label of its pods, and a label value is at most 63 characters. kubectl apply rejects this: "spec.template.labels: Invalid value: "{name}": must be no more than 63 characters". Use a shorter name.',
  'invalid-name.reserved-priority-class':
    'PriorityClass names starting with "system-" are reserved for the two classes Kubernetes creates itself (system-node-critical, system-cluster-critical). kubectl apply rejects this: "metadata.name: Forbidden: priority class names with \'system-\' prefix are reserved for system use only". Choose another name.',
  'invalid-name.object': '"{name}" is not a valid {kind} name. kubectl apply rejects this: "{path}: Invalid value: "{name}": {reason}".',
  'invalid-name.statefulset-hostname':
    'The StatefulSet "{name}" is accepted, but none of its pods can be created: each pod takes its name ("{pod}") as its hostname, which must be an RFC 1123 label. The controller reports "spec.hostname: Invalid value: "{pod}": {reason}" on every attempt. Use a name without dots.',
  'invalid-name.value': '"{name}" is not a valid {what}. kubectl apply rejects this: "{path}: Invalid value: "{name}": {reason}".',
  'invalid-name.what.label-key': 'label key',
  'invalid-name.what.label-value': 'label value',
  'invalid-name.what.namespace': 'namespace name',
  'invalid-name.what.config-key': 'data key (letters, digits, "-", "_" and "." only)',
  'invalid-name.what.env': 'environment variable name',
  'invalid-name.what.ingress-class': 'IngressClass name',
  'invalid-name.what.container': 'container',
  'invalid-name.what.volume': 'volume',
  'invalid-name.what.hostname': 'hostname',
  'invalid-name.what.subdomain': 'subdomain',

  'unknown-field.message': 'Unknown field "{key}" in {type}.',
  'yaml-syntax.block-comment':
    'YAML syntax error: this comment starts at column {column}, left of the text of the block scalar "{header}" it sits in. A block scalar ends at the first line indented less than its text, comment or not, so the lines after it are read as YAML and fail. Indent the comment to column {indent}, as the block\'s lines are.',
  'yaml-syntax.block-comment.header': 'The block scalar "{header}" starts here.',
  'yaml-syntax.more': '{count} more YAML syntax errors in this file are not shown (only the first {shown} are).',
  'cr-claim.rejects':
    "Inside {aKind}, kubectl apply checks only the CRD's schema: the API server rejects the pod spec when the {kind}'s controller creates its pods (directly, or through a workload it makes), and the failure shows in the {kind}'s events and status: ",
  'cr-claim.rejects-run':
    "Inside {aKind}, kubectl apply checks only the CRD's schema: the API server rejects the pod when {aRun} of the {kind} creates it, and the failure shows in the {run}'s status: ",
  'cr-claim.warns-run': "kubectl apply says nothing for {aKind}; the API server warns only the controller that creates the pod for a {run}: ",
  'cr-claim.knative-webhook':
    "Inside a Knative {kind}, Knative's validating webhook refuses this at kubectl apply, in words of its own; the API server's version of the check reads: ",
  'cr-claim.knative-later':
    "Inside a Knative {kind}, Knative's webhook checks the pod spec at kubectl apply with rules of its own (it refuses many fields outright); what it lets through, the API server rejects when Knative creates the revision's Deployment, and the failure shows in the {kind}'s status: ",
  'cr-claim.tekton-webhook':
    "Inside a Tekton {kind}, Tekton's validating webhook refuses this at kubectl apply (a step's name must be a DNS label, unique among the steps; volume names must be unique), in words of its own; the API server's version of the check reads: ",
  'cr-claim.argo-validation':
    "Inside an Argo {kind}, Argo's own validation refuses this before any pod exists: argo lint and argo submit report it, and a Workflow that runs it fails with \"invalid spec: …\" in its status.",
  'cr-claim.argo-volume':
    "Inside an Argo {kind}, the workflow controller looks each mount's volume up in the template's volumes, the Workflow's volumes and its volumeClaimTemplates when it builds the pod; finding none, it fails the step with \"volume '{name}' not found in workflow spec\" and creates no pod (argo lint does not check this).",
  'cr-claim.volcano-webhook':
    "Inside a {kind}, Volcano's validating webhook checks each task's pod template as the API server does and refuses this at kubectl apply: ",
  'cr-claim.warns': "kubectl apply says nothing for {aKind}; the API server warns only the {kind}'s controller when it creates the pod: ",
  'cr-claim.decode': "Unless the {kind}'s CRD schema rejects it at apply, its controller cannot decode the pod template.",
  'statefulset-claim.rejects':
    "kubectl apply accepts this, since the API server does not check a StatefulSet's pod template; it rejects each pod the StatefulSet's controller creates, so no pod starts and the StatefulSet's events show FailedCreate: ",
  'template-claim.apply': 'oc process … | oc apply',
  'removed-api-version.seccomp-pod':
    'Nothing reads the annotation {key} since Kubernetes 1.27 (kubectl apply warns: "non-functional in v1.27+; use the \"seccompProfile\" field instead"): the pod\'s containers run without the seccomp profile "{value}" it asks for, unconfined unless the kubelet applies RuntimeDefault by default. Set spec.securityContext.seccompProfile instead.',
  'removed-api-version.seccomp-container':
    'Nothing reads the annotation {key} since Kubernetes 1.27 (kubectl apply warns: "non-functional in v1.27+; use the \"seccompProfile\" field instead"): container "{container}" runs without the seccomp profile "{value}" it asks for, unconfined unless the kubelet applies RuntimeDefault by default. Set the container\'s securityContext.seccompProfile instead.',
  'removed-api-version.seccomp-unconfined':
    'Nothing reads the annotation {key} since Kubernetes 1.27 (kubectl apply warns: "non-functional in v1.27+; use the \"seccompProfile\" field instead"). Containers run unconfined anyway on most clusters, but a kubelet with seccompDefault gives them RuntimeDefault: set securityContext.seccompProfile (type: Unconfined) to keep what it asks for.',
  'removed-api-version.init-annotation':
    'The annotation {key} was removed in Kubernetes 1.8: the API server drops it when it reads the pod, and only spec.initContainers run, so the init containers it lists ({names}) never run, and the pod starts without what they were meant to prepare. Move them to spec.initContainers.',
  'removed-api-version.message': '{apiVersion} {kind} is no longer served since Kubernetes {removedIn}: kubectl apply fails with "no matches for kind "{kind}" in version "{apiVersion}"".',
  'removed-api-version.renamed': ' Use apiVersion {replacement} (served since {since}); nothing else changes.',
  'removed-api-version.selector': ' apps/v1 also requires spec.selector, which this {kind} lacks: the template\'s labels, as the old version took them, keep the pods it already runs.',
  'removed-api-version.selector-v1beta2': ' apps/v1 requires spec.selector, which this {kind} lacks; so did apps/v1beta2, which never took it from the template\'s labels.',
  'removed-api-version.scale-target': 'This autoscaler scales its {kind} through apiVersion {apiVersion}, which the API server no longer serves (since Kubernetes {removedIn}): the autoscaler is created, but its controller cannot find the target\'s scale ("FailedGetScale: no matches for kind "{kind}" in group …"), so it never scales. Use apiVersion {replacement}.',
  'removed-api-version.changed': ' Use apiVersion {replacement} (served since {since}); some fields changed, see the Kubernetes deprecation guide.',
  'removed-api-version.kind-renamed': ' It became {newKind}: use apiVersion {replacement} and kind {newKind} (served since {since}); some fields changed, see the Kubernetes deprecation guide.',
  'removed-api-version.gone': ' It has no replacement in Kubernetes (see the deprecation guide).',
  'deprecated-api-version.message': '{apiVersion} {kind} is deprecated since Kubernetes {deprecatedIn}: the API server still serves it but warns on every request (kubectl apply prints the warning). Use {replacement}.',
  'unknown-field.custom':
    ' The {kind} controller builds the pod without it, so its setting is lost (kubectl apply rejects "{path}" only when the CRD\'s schema describes the pod).',
  'unknown-field.empty-dir':
    ' The {kind} controller builds the pod without it, and a volume with no source is given an empty emptyDir, which is what this asks for: nothing changes at run time (kubectl apply rejects "{path}" only when the CRD\'s schema describes the pod).',
  'unknown-field.hpa-cpu':
    'Unknown field "targetCPUUtilizationPercentage" in HorizontalPodAutoscalerSpec: it is the autoscaling/v1 form; autoscaling/v2 writes a CPU target as `metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: {percent}}}}]`. kubectl apply rejects the object: strict decoding error: unknown field "{path}".',
  'unknown-field.hpa-cpu.default': ' With --validate=false the field is dropped and the autoscaler targets its default, 80% CPU.',
  'unknown-field.hpa-cpu.dropped': ' With --validate=false the field is dropped: the autoscaler scales on the other metrics only.',
  'unknown-field.ingress-service':
    'Unknown field "{key}" in IngressBackend: networking.k8s.io/v1 names the Service as `service: {name: …, port: {number: …}}`; `serviceName` and `servicePort` are the removed v1beta1 form. kubectl apply rejects the object: strict decoding error: unknown field "{path}".',
  'unknown-field.ingress-backend':
    'Unknown field "backend" in IngressSpec: networking.k8s.io/v1 calls it `defaultBackend` (`backend` is the removed v1beta1 name). kubectl apply rejects the object: strict decoding error: unknown field "{path}".',
  'unknown-field.indent-slip':
    ' It stands at the column of the "-" of the list "{list}" above, so YAML reads it as a field of {type}, not of the list\'s last item ({itemType}), which has such a field: indent it, with the keys that slipped before it, by {count} spaces, to the column of that item\'s keys.',
  'unknown-field.kubectl':
    ' kubectl apply rejects the object: strict decoding error: unknown field "{path}". With --validate=false the field would be dropped silently and its setting lost.',

  'invalid-value.enum': 'Unsupported value {value} for {field}: use one of {allowed} (case matters). kubectl apply rejects this: "{path}: Unsupported value: {value}: supported values: {sorted}".',
  'invalid-value.yaml11-bool':
    '{field} must be {type}, but Kubernetes reads the unquoted {word} as the boolean {value} (YAML 1.1 booleans include y, n, yes, no, on, off). Quote it: "{word}".',
  'invalid-value.fractional-limit':
    'A {resource} limit of {value} is a fraction of a byte ("m" means thousandths, not megabytes). The API server only warns: "{path}: fractional byte value "{value}" is invalid, must be an integer"; the kubelet rounds it up to 1 byte and the container cannot start (its first process is OOM-killed).',
  'invalid-value.fractional-request':
    'A {resource} request of {value} is a fraction of a byte ("m" means thousandths, not megabytes). The API server only warns: "{path}: fractional byte value "{value}" is invalid, must be an integer"; the scheduler reserves next to nothing for the container.',
  'invalid-value.quantity': '{field} must be a quantity (512Mi, 1Gi, 500m, 0.5), not "{value}": {why} kubectl apply cannot decode the object and rejects it.',
  'invalid-value.quantity.format': '"quantities must match the regular expression \'{pattern}\'".',
  'invalid-value.quantity.suffix': '"unable to parse quantity\'s suffix" (the suffixes are Ki, Mi, Gi, Ti, Pi, Ei, n, u, m, k, M, G, T, P, E).',
  'invalid-value.type': '{field} must be {type}, not {value}. kubectl apply cannot decode the object and rejects it.',
  'invalid-value.grpc-port': 'grpc.port is an integer (a port number), not {value}: unlike httpGet and tcpSocket it cannot name a port. kubectl apply cannot decode the object and rejects it.',
  'invalid-value.kustomization-patch-string':
    'Each entry of patches is a mapping that names its patch (path: {value}), not a file name: kustomize since v3 refuses this kustomization before reading anything ("invalid Kustomization: json: cannot unmarshal string into Go struct field Kustomization.patches of type types.Patch"), so kubectl apply -k (kubectl 1.21 and later), Argo CD and Flux fail on it and on every overlay built on it. Write "- path: {value}" (a JSON 6902 patch also needs a target:).',
  'invalid-value.kustomization-patch-inline':
    'Each entry of patches is a mapping: an inline patch goes under patch: ("- patch: |-" and the patch\'s text below it), not as a string of its own. kustomize since v3 refuses this kustomization before reading anything ("invalid Kustomization: json: cannot unmarshal string into Go struct field Kustomization.patches of type types.Patch"), so kubectl apply -k (kubectl 1.21 and later), Argo CD and Flux fail on it and on every overlay built on it.',
  'invalid-value.kustomization-kind':
    'A kustomization\'s kind must be "Kustomization" or "Component" (case-sensitive), not "{kind}". kustomize refuses the file before reading any resource ("kind should be Kustomization or Component"), so kubectl apply -k, Argo CD and Flux fail on it and on every overlay built on it.',
  'invalid-value.kustomization-version':
    'A {kind}\'s apiVersion must be {expected}, not {apiVersion}. kustomize refuses the file before reading any resource ("apiVersion for {kind} should be {expected}"), so kubectl apply -k, Argo CD and Flux fail on it and on every overlay built on it.',
  'invalid-value.resource-above-limit':
    'The {resource} request ({request}) is above its limit ({limit}). kubectl apply rejects this: "{path}.requests: Invalid value: "{request}": must be less than or equal to {resource} limit of {limit}".',
  'invalid-value.resource-not-equal':
    '{resource} cannot be overcommitted, so its request ({request}) must equal its limit ({limit}). kubectl apply rejects this: "{path}.requests: Invalid value: "{request}": must be equal to {resource} limit of {limit}".',
  'invalid-value.resource-limit-missing':
    '{resource} cannot be overcommitted, so a request of it needs a limit, equal to it. kubectl apply rejects this: "{path}.limits: Required value: Limit must be set for non overcommitable resources". Setting only the limit is enough: the request then defaults to it.',
  'invalid-value.resource-integer':
    '{resource} is an extended resource, counted in whole units: {value} is not one. kubectl apply rejects this: "{path}: Invalid value: "{value}": must be an integer".',
  'invalid-value.hugepages-alone':
    'A container that asks for hugepages must ask for cpu or memory too. kubectl apply rejects this: "{path}: Forbidden: HugePages require cpu or memory".',
  'invalid-value.unknown-kind': '{apiVersion} serves no kind "{kind}" (kinds are case-sensitive). kubectl apply fails: "no matches for kind "{kind}" in version "{apiVersion}"". Did you mean "{suggestion}"?',
  'invalid-value.api-version':
    'apiVersion "{apiVersion}" does not serve kind {kind}: kubectl apply fails with "no matches for kind "{kind}" in version "{apiVersion}"" and nothing of this object is created. {kind} is served as apiVersion {expected}.',
  'invalid-value.ingress-class-twice':
    'The Ingress names its class twice: the annotation kubernetes.io/ingress.class ("{value}") and spec.ingressClassName ("{spec}"). The API server refuses to create it: "annotations.kubernetes.io/ingress.class: Invalid value: "{value}": can not be set when the class field is also set". Keep spec.ingressClassName and remove the annotation.',
  'invalid-value.ingress-path-type':
    'This path has no pathType, which networking.k8s.io/v1 requires (v1beta1 defaulted it): kubectl apply rejects the Ingress with "{path}: Required value: pathType must be specified". ImplementationSpecific keeps what v1beta1 did; Prefix and Exact match the same way on every controller.',
  'invalid-value.ephemeral-on-create':
    'Ephemeral containers cannot be written into a Pod: the API server adds them only to a running pod, through its ephemeralcontainers subresource (what kubectl debug does). kubectl apply refuses to create this Pod: "{path}: Forbidden: cannot be set on create". To debug the running pod, use kubectl debug -it POD --image=IMAGE --target=CONTAINER; to run the container with the pod, make it a regular container or a sidecar.',
  'invalid-value.topology-key':
    'This pod affinity term names the pods to run near (or away from) but not what "near" means: a topologyKey, the node label whose value must match (kubernetes.io/hostname for the same node, topology.kubernetes.io/zone for the same zone). kubectl apply rejects this: "{path}: Required value: can not be empty".',
  'invalid-value.weight': 'A preferred term\'s weight must be 1–100. kubectl apply rejects this: "{path}: Invalid value: {weight}: must be in the range 1-100".',
  'invalid-value.probe-handlers': '{path} has several handlers ({handlers}), and it takes exactly one: the API server rejects the pod with "{path}.{handler}: Forbidden: may not specify more than 1 handler type". Keep the one you mean.',
  'invalid-value.probe-handlers.related': 'The first handler, {handler}, the only one the API server would accept.',
  'invalid-value.probe-handler-missing': '{path} has no handler (exec, httpGet, tcpSocket or grpc), so it does not say how to probe: kubectl apply rejects this with "{path}: Required value: must specify a handler type".',
  'invalid-value.hook-handler-missing': '{path} has no handler (exec, httpGet, tcpSocket or sleep), so it does not say what to run: kubectl apply rejects this with "{path}: Required value: must specify a handler type".',
  'invalid-value.recreate-rolling-update': 'The Recreate strategy stops every old pod before starting new ones, and takes no rollingUpdate settings: kubectl apply rejects this with "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is \'Recreate\'". Remove rollingUpdate, or use type: RollingUpdate.',
  'invalid-value.rolling-update-zero': 'maxSurge and maxUnavailable are both 0: a rollout could neither add a new pod nor take an old one away, so it could never move. kubectl apply rejects this with "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: …: may not be 0 when `maxSurge` is 0". Allow one extra pod (maxSurge: 1) to replace pods without losing any.',
  'invalid-value.progress-deadline': 'progressDeadlineSeconds ({deadline}) must be greater than minReadySeconds ({min}): a new pod could not even count as available before the rollout is declared stuck. kubectl apply rejects this with "spec.progressDeadlineSeconds: Invalid value: {deadline}: must be greater than minReadySeconds".',
  'invalid-value.progress-deadline-default': 'minReadySeconds ({min}) is not less than the default progressDeadlineSeconds (600): kubectl apply rejects this with "spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds". Set progressDeadlineSeconds above {min}.',
  'invalid-value.field-ref-subscript-unsupported': '"{path}": only metadata.labels and metadata.annotations take a [\'key\']; the API server rejects the pod with "{where}: Invalid value: "{path}": error converting fieldPath: field label does not support subscript: {path}".',
  'invalid-value.field-ref-unknown': '"{path}" is not a pod field the downward API can read: the API server rejects the pod with "{where}: Invalid value: "{path}": error converting fieldPath: field label not supported: {path}".',
  'invalid-value.field-ref-subscript': ' One label or annotation is read as metadata.labels[\'key\'], the key in single quotes.',
  'invalid-value.field-ref-unsupported': '"{path}" cannot be read here: the API server rejects the pod with "{where}: Unsupported value: "{path}": supported values: {offered}".',
  'invalid-value.on-delete-rolling-update': 'A StatefulSet updated OnDelete replaces a pod only when you delete it, and takes no rollingUpdate settings: kubectl apply rejects this with "spec.updateStrategy.rollingUpdate: Invalid value: …: only allowed for updateStrategy \'RollingUpdate\'". Remove rollingUpdate, or use type: RollingUpdate.',
  'invalid-value.daemonset-both': 'A DaemonSet rolls out either by starting a new pod beside the old one on each node (maxSurge) or by stopping old pods first (maxUnavailable), not both: maxSurge is {surge} and maxUnavailable {unavailable}. kubectl apply rejects this with "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: …: may not be set when maxUnavailable is non-zero". Set maxUnavailable: 0 to surge.',
  'invalid-value.daemonset-both-default': 'A DaemonSet rolls out either by starting a new pod beside the old one on each node (maxSurge) or by stopping old pods first (maxUnavailable), not both: maxSurge is {surge}, and maxUnavailable, not written, defaults to 1. kubectl apply rejects this with "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: …: may not be set when maxUnavailable is non-zero". Add maxUnavailable: 0 to surge.',
  'invalid-value.daemonset-host': ' This pod takes a host port (or the host\'s network), so it cannot surge: a new pod would wait for the old one\'s port for ever. Set maxSurge: 0 instead.',
  'invalid-value.daemonset-neither': 'maxUnavailable and maxSurge are both 0: the rollout could neither stop an old pod nor start a new one beside it, so it could never move. kubectl apply rejects this with "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0".',
  'invalid-value.weight-missing': 'A preferred term needs a weight, 1–100; without one it is 0. kubectl apply rejects this: "{path}: Invalid value: 0: must be in the range 1-100".',
  'invalid-value.ephemeral-in-template':
    'A pod template cannot hold ephemeral containers: the API server adds them only to a running pod, through its ephemeralcontainers subresource (what kubectl debug does). kubectl apply refuses this {kind}: "{path}: Forbidden: ephemeral containers not allowed in pod template". To debug one of its pods, use kubectl debug -it POD --image=IMAGE --target=CONTAINER; to run the container in every pod, make it a regular container or a sidecar.',
  'invalid-value.init-handler':
    'Init container "{container}" runs to completion before the app containers start, so it cannot have a {field}: only a sidecar (an init container with restartPolicy: Always) can. kubectl apply rejects this: "{path}: Forbidden: may not be set for init containers without restartPolicy=Always".',
  'invalid-value.knative-one-port':
    "Knative forwards requests to a single container port, so the whole pod may declare only one, in the serving container; this is one more (in container \"{container}\"). kubectl apply is refused by Knative's webhook: \"more than one container port is set: {path}\". Other processes can still listen on other ports; only the serving port is declared.",
  'invalid-value.knative-reserved-port':
    "Port {port} belongs to Knative's queue-proxy or autoscaler, which run in the same network namespace as container \"{container}\", so the app cannot have it. kubectl apply is refused by Knative's webhook: \"invalid value: {port} is a reserved port: {path}\". Make the app listen on another port (Knative passes it in $PORT).",
  'invalid-value.knative-protocol':
    "queue-proxy forwards HTTP requests, so Knative's serving port must be TCP, not {protocol}. kubectl apply is refused by Knative's webhook: \"invalid value: {protocol}: {path}\".",
  'invalid-value.knative-port-name':
    "Knative reads the serving port's name as its protocol: it must be empty, \"http1\" or \"h2c\", not \"{name}\". kubectl apply is refused by Knative's webhook: \"Port name {name} is not allowed: {path}\".",
  'invalid-value.knative-no-port':
    "With several containers, Knative must be told which one serves: give exactly one of them a port. kubectl apply is refused by Knative's webhook: \"missing field(s): {path}\".",
  'invalid-value.knative-mount-path':
    'Knative keeps "{path}" for the container runtime (/dev/log is the log socket), so nothing may be mounted there. kubectl apply is refused by Knative\'s webhook: "mountPath "{path}" is a reserved path: {field}".',
  'invalid-value.knative-container-name':
    "\"queue-proxy\" is the name of the container Knative adds to every pod. kubectl apply is refused by Knative's webhook: \"\"queue-proxy\" is a reserved container name: {path}\".",
  'invalid-value.knative-env-port':
    "Knative sets PORT in container \"{container}\" to its container port (8080 when none is declared), and the app should listen there. kubectl apply is refused by Knative's webhook: \"\"PORT\" is a reserved environment variable: {path}\". To choose the port, set containerPort instead.",
  'invalid-value.knative-env':
    "Knative sets {name} in every container of the revision. kubectl apply is refused by Knative's webhook: \"\"{name}\" is a reserved environment variable: {path}\".",
  'invalid-value.workload-restart-policy':
    "A {kind} keeps its pods running and replaces them when they stop, so their restartPolicy must be \"Always\", not \"{value}\" (for pods that run to completion, use a Job). kubectl apply rejects this: \"{path}: Unsupported value: \"{value}\": supported values: \"Always\"\".",
  'invalid-value.workload-deadline':
    'A {kind} keeps its pods running, so its pod template may not set activeDeadlineSeconds, which would stop each pod after that many seconds (for pods that run to completion, use a Job). kubectl apply rejects this: "{path}: Forbidden: activeDeadlineSeconds in {validated} is not Supported".',
  'invalid-value.schedule-tz':
    "A CronJob's time zone goes in spec.timeZone, not in the schedule: kubectl apply rejects this: \"{path}: Invalid value: \"{value}\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead\".",
  'invalid-value.schedule-syntax':
    'Schedule "{value}" is not a cron expression the API server reads: kubectl apply rejects this ("{path}: Invalid value: "{value}": {reason}"). A schedule is five fields — minute (0-59), hour (0-23), day of month (1-31), month (1-12 or JAN-DEC), day of week (0-6 or SUN-SAT) — or @hourly, @daily, @weekly, @monthly, @yearly or @every <duration>; no seconds, no year.',
  'invalid-value.template-parameter':
    '{value} in an OpenShift Template is replaced by the parameter\'s text: oc process writes a string here, and {path} needs a value of type {type}, so the object is refused when it is created ("cannot unmarshal string into Go struct field … of type …"). ${{{name}}} keeps the parameter\'s type.',
  'invalid-value.schedule-tz-both':
    "This CronJob sets timeZone and also names a time zone in its schedule. kubectl apply rejects this: \"{path}: Invalid value: \"{value}\": cannot use both timeZone field and TZ or CRON_TZ in schedule\".",
  'invalid-value.name-missing':
    "Every container needs a name (its logs, probes and restarts are reported by it). kubectl apply rejects this: \"{path}: Required value\".",
  'invalid-value.pvc-storage': 'This PersistentVolumeClaim requests no storage. kubectl apply rejects this: "{path}: Required value". Add resources.requests.storage (e.g. 1Gi).',
  'invalid-value.pv-capacity': 'This PersistentVolume has no storage capacity. kubectl apply rejects this: "{path}: Required value". Add capacity.storage (e.g. 10Gi).',
  'invalid-value.pv-local-affinity': 'A local PersistentVolume must say which node holds it. kubectl apply rejects this: "{path}: Required value: Local volume requires node affinity". Add spec.nodeAffinity.required with the node\'s kubernetes.io/hostname.',
  'invalid-value.priority-too-high': 'A PriorityClass of your own may have a value of at most 1000000000 (higher values are kept for system-node-critical and system-cluster-critical). kubectl apply rejects {value}: "{path}: Forbidden: maximum allowed value of a user defined priority is 1000000000".',
  'invalid-value.ingress-no-route':
    "This Ingress has neither rules nor a defaultBackend, so it routes nothing. kubectl apply rejects this: \"{path}: Invalid value: …: either `defaultBackend` or `rules` must be specified\".",
  'invalid-value.bidirectional':
    'Bidirectional mount propagation lets mounts made in container "{container}" reach the host, so only a privileged container may use it. kubectl apply rejects this: "{path}: Forbidden: Bidirectional mount propagation is available only to privileged containers".',
  'invalid-value.volume-path':
    '{field} "{value}" is no path inside the volume (it must be relative, without ".."): kubectl apply rejects this: "{path}: Invalid value: "{value}": {reason}".',
  'invalid-value.nfs-path':
    'An NFS export is named by its absolute path on the server, not "{value}": kubectl apply rejects this: "{path}: Invalid value: "{value}": must be an absolute path".',
  'invalid-value.storageclass-provisioner':
    'This StorageClass names no provisioner, so nothing could make its volumes. kubectl apply rejects this: "{path}: Required value". Add provisioner (e.g. kubernetes.io/no-provisioner for volumes made by hand).',
  'invalid-value.volume-path-reserved':
    '{field} "{value}" starts with "..", which a volume keeps for the kubelet\'s own entries (..data and the timestamped folders it swaps in): kubectl apply rejects this: "{path}: Invalid value: "{value}": {reason}".',
  'invalid-value.host-path-backstep':
    'hostPath "{value}" steps back with "..", which the API server refuses in a host path: kubectl apply rejects this: "{path}: Invalid value: "{value}": must not contain \'..\'". Write the path without "..".',
  'invalid-value.privileged-escalation':
    'Container "{container}" is privileged, and a privileged process can always gain more privileges, so allowPrivilegeEscalation cannot be false: kubectl apply rejects this: "{path}: Invalid value: …: cannot set `allowPrivilegeEscalation` to false and `privileged` to true".',
  'read-only-root-fs.message':
    'Container "{container}" has a read-only root filesystem, but {program} writes {what} in {all} when it starts, and no writable volume is mounted at {paths}: it exits at once ("{says}"): the container never runs (where it restarts, the pod crash-loops). Mount an emptyDir at {paths}.',
  'read-only-root-fs.what.nginx': 'its temporary files (client_temp, proxy_temp…) and its pid file',
  'read-only-root-fs.hidden':
    'Container "{container}" has a read-only root filesystem, and {program} writes {what} in {all} when it starts; the emptyDir mounted at {above} starts empty, so {paths} is not there, and nginx does not create a folder\'s parents: it exits at once ("mkdir() … failed (2: No such file or directory)"): the container never runs (where it restarts, the pod crash-loops). Mount an emptyDir at {paths} itself.',
  'invalid-value.api-version-selector': ' {expected} also requires spec.selector, which this object lacks.',
  'invalid-value.api-version-old-schema': ' Its fields are of the old schema ({fields}): write them as {expected} has them (scaleTargetRef, metrics), not the apiVersion alone.',
  'invalid-value.api-version-missing': 'This {kind} has no apiVersion: kubectl refuses a document without one ("apiVersion not set", or "Object \'apiVersion\' is missing"). Add apiVersion: {expected}.',
  'invalid-value.api-version-missing-selector': 'This {kind} has no apiVersion: kubectl refuses a document without one ("apiVersion not set", or "Object \'apiVersion\' is missing"). Add apiVersion: {expected}, and spec.selector with it: {expected} requires one ("spec.selector: Required value"), and this {kind} has none.',
  'read-only-root-fs.script-write':
    'Container "{container}" has a read-only root filesystem, but its own script writes {paths}, where no writable volume is mounted: the write fails with "Read-only file system", and a script that checks for errors (&&, set -e) stops there. Mount a volume (an emptyDir) at the folder it writes in, or write under one that is mounted.',
  'read-only-root-fs.non-root':
    'Container "{container}" runs as user {uid}, and {program} writes {what} in {all} when it starts; in this image those folders belong to root, and no writable volume is mounted at {paths}: it exits at once ("{says}"): the container never runs (where it restarts, the pod crash-loops). Mount an emptyDir at {paths}, or run an image built for another user (nginxinc/nginx-unprivileged, which listens on 8080).',
  'read-only-root-fs.non-root-hidden':
    'Container "{container}" runs as user {uid}, and {program} writes {what} in {all} when it starts; the emptyDir mounted at {above} starts empty, so {paths} is not there, and nginx does not create a folder\'s parents: it exits at once ("mkdir() … failed (2: No such file or directory)"): the container never runs (where it restarts, the pod crash-loops). Mount an emptyDir at {paths} itself.',
  'read-only-root-fs.low-ports':
    ' It also listens on {ports}: below 1024, a process that is not root may bind a port only where the container runtime allows it (Docker Engine and containerd 2.0 do by default; containerd 1.x and CRI-O do not), so set the pod\'s sysctl {sysctl} to 0.',
  'read-only-root-fs.low-ports-host':
    ' It also listens on {ports}, below 1024, on the node\'s network (hostNetwork): there the node\'s setting applies, which lets only root bind such a port, and the pod cannot change it. Run the container as root, or make it listen above 1023.',
  'read-only-root-fs.related-config': 'This nginx.conf replaces the image\'s and does not move these folders, so {program} uses the paths compiled into it.',
  'read-only-root-fs.related': '{program} runs here with its default configuration.',
  'unsplit-command.joined-flag':
    'Container "{container}": the item "{item}" of its {field} is one argument, flag and value together: no shell splits it, so the program is given a flag named "{name}", space included. Go\'s flag and pflag, getopt and most other parsers stop on that unknown flag and the container exits; others take it as a positional argument or drop it, and {flag} is never set. Write "{flag}={value}", or the flag and its value as two items.',
  'unsplit-command.dead-args':
    'Container "{container}": {field} runs {shell} -c, and after the script comes "{item}". {shell} runs only the script: what follows becomes its $0, $1…, which the script never reads, so "{item}" never runs. Put it into the script (after ";" or on a line of its own), or remove it.',
  'unsplit-command.dead-flags':
    'Container "{container}": {field} runs {shell} -c with the script "{script}", and the items after it ({items}) become its $0, $1…, which the script never reads: "{script}" runs without them. Write them into the script, one item: "{joined}".',
  'unsplit-command.container':
    'The first item of the command of container "{container}" is the whole line "{word}". The runtime runs that item as a program name, and no shell splits it: there is no program called "{word}", so the container cannot start (StartError: {error}). {advice}',
  'unsplit-command.probe':
    'The first item of {field} of container "{container}" is the whole line "{word}". The kubelet runs that item as a program name, and no shell splits it: there is no program called "{word}", so the probe cannot run and never passes: the pod never becomes Ready (a startup probe also holds back the other probes). {advice}',
  'unsplit-command.probe-liveness':
    'The first item of {field} of container "{container}" is the whole line "{word}". The kubelet runs that item as a program name, and no shell splits it: there is no program called "{word}", so the probe cannot run. With containerd or CRI-O the kubelet throws an errored probe\'s result away, so this liveness probe restarts nothing: the container is not watched at all (with Docker Engine it fails instead, and restarts the container again and again). {advice}',
  'unsplit-command.hook':
    'The first item of {field} of container "{container}" is the whole line "{word}". The kubelet runs that item as a program name, and no shell splits it: there is no program called "{word}", so the hook always fails (a failed postStart kills the container; a failed preStop is skipped). {advice}',
  'unsplit-command.advice-words': 'Write the command as a list of words, starting with {program}.',
  'unsplit-command.advice-shell': 'The line needs a shell (its quotes, variables, operators or builtins): run it with [sh, -c, "…"].',
  'invalid-value.success-threshold':
    'The {probe} of container "{container}" has successThreshold {value}, but one success is all a {probe} waits for (only a readiness probe counts successes): kubectl apply rejects this: "{path}: Invalid value: {value}: must be 1".',
  'invalid-value.image-missing':
    'Container "{name}" has no image, and every container needs one. kubectl apply rejects this: "{path}: Required value".',
  'invalid-value.job-restart-policy':
    'A Job\'s pods run to completion, so their restartPolicy must be "OnFailure" or "Never", not "Always". kubectl apply rejects this: "{path}: Required value: valid values: "OnFailure", "Never"".',
  'invalid-value.job-restart-policy-empty':
    'This pod template\'s restartPolicy is "", which the API server fills in with the pod default, "Always", and that is not allowed in a Job: its pods run to completion, so it must be "OnFailure" or "Never". kubectl apply rejects this: "{path}: Required value: valid values: "OnFailure", "Never"".',
  'invalid-value.job-restart-policy-missing':
    'This pod template sets no restartPolicy, and the pod default, "Always", is not allowed in a Job: its pods run to completion, so it must be "OnFailure" or "Never". kubectl apply rejects this: "{path}: Required value: valid values: "OnFailure", "Never"".',
  'invalid-value.medium':
    'Unsupported medium {value} for emptyDir: use one of {allowed} (case matters). The API server does not check this field, so kubectl apply accepts the pod; the kubelet then fails to mount the volume (unknown storage medium {value}) and the pod does not start.',
} as const;
