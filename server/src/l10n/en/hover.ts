/**
 * English hover texts. Markdown; `{name}` placeholders are filled by `server/src/hover/*`.
 * Written from the facts in research/k8s-semantics.md, in our own words.
 */
export const hoverEn = {
  // Shared pieces
  'hover.field': 'Field `{field}` · `{type}` · [API reference]({url})',
  'hover.field.no-link': 'Field `{field}` · `{type}`',
  'hover.field.required': 'required',
  'hover.field.reference': 'API reference ({type})',
  'hover.field.enum': 'Allowed values: {values}',
  'hover.learn-more': 'Learn more: {links}',
  'hover.link.pods': 'Pods',
  'hover.link.podNetworking': 'Pod networking',
  'hover.link.networking': 'Cluster networking',
  'hover.link.sidecars': 'Sidecar containers',
  'hover.link.initContainers': 'Init containers',
  'hover.link.volumes': 'Volumes',
  'hover.link.emptyDir': 'emptyDir',
  'hover.link.hostPath': 'hostPath',
  'hover.link.configMap': 'configMap volumes',
  'hover.link.secret': 'secret volumes',
  'hover.link.subPath': 'Using subPath',
  'hover.link.configMapUpdates': 'ConfigMap updates',
  'hover.link.secrets': 'Secrets',
  'hover.link.pv': 'Persistent volumes',
  'hover.link.projected': 'Projected volumes',
  'hover.link.ephemeral': 'Ephemeral volumes',
  'hover.link.downwardApi': 'Downward API',
  'hover.link.images': 'Images',
  'hover.link.shareProcessNamespace': 'Sharing the process namespace',
  'hover.link.hostPort': 'Configuration best practices',
  'hover.link.statefulSetStorage': 'StatefulSet stable storage',
  'hover.severity.error': 'Error',
  'hover.severity.warning': 'Warning',
  'hover.severity.information': 'Info',
  'hover.severity.hint': 'Hint',

  // The pod and its infra container
  'hover.pod.title': '**Pod `{name}`** — the smallest unit Kubernetes schedules: its containers always land on the same node, together.',
  'hover.pod.title-template': '**Pod template of {kind} `{name}`** — every pod the {kind} creates is built from this spec; each pod is the smallest unit Kubernetes schedules, its containers always land on one node together.',
  'hover.pod.infra':
    'Before any of your containers, the container runtime starts the pod\'s *infra* container (the "pause" container, image `registry.k8s.io/pause`; older clusters used `k8s.gcr.io/pause` or `gcr.io/google_containers/pause`, RHEL 7 `registry.access.redhat.com/rhel7/pod-infrastructure`). It only sleeps and holds the namespaces the containers join: **network** (one IP, one port space, `localhost`), **IPC** and **UTS** (hostname {hostname}){pid}. kubectl never lists it; `crictl pods` shows it as the pod sandbox.',
  'hover.pod.infra-pid': ', and **PID** because `shareProcessNamespace: true` (pause is PID 1 and reaps zombies for every container)',
  'hover.pod.infra-host': 'With `hostNetwork: true` the pod uses the **node\'s** network namespace instead: its IP is the node\'s IP.',
  'hover.pod.hostname-generated': 'the generated pod name',
  'hover.list-sep': ', ',
  'hover.colon': ': ',
  'hover.pod.item': '{name} ({what})',
  'hover.pod.short.app': 'app',
  'hover.pod.short.init': 'init',
  'hover.pod.short.sidecar': 'sidecar',
  'hover.pod.short.ephemeral': 'ephemeral',
  'hover.pod.containers': 'Containers: {list}.',
  'hover.pod.volumes': 'Volumes: {list}.',
  'hover.pod.role.app': 'app',
  'hover.pod.role.init': 'init (runs to completion before the app containers)',
  'hover.pod.role.sidecar': 'sidecar (init container with `restartPolicy: Always`, runs beside the app)',
  'hover.pod.role.ephemeral': 'ephemeral (debug)',

  // Network namespace, ports
  'hover.net.container': '**Container `{name}`** ({role}) — shares the pod\'s network namespace with {siblings}.',
  'hover.net.container-alone': '**Container `{name}`** ({role}) — the only container of the pod; it still joins the network namespace held by the infra container.',
  'hover.net.ports': '**Ports of `{name}`** — informational: they document what the process listens on, they neither open nor reserve anything. Any port the process binds is reachable on the pod IP.',
  'hover.net.port': '**`containerPort: {port}/{protocol}`** in `{name}` — the process is expected to listen on {port}. Declaring it opens nothing and reserves nothing; it names the port for probes and Services.',
  'hover.net.port-reach': 'From {siblings} this is `localhost:{port}`; from outside the pod, `<pod IP>:{port}` (or a Service in front of it).',
  'hover.net.shared':
    'All containers of this pod share one network namespace, held by the infra ("pause") container (`registry.k8s.io/pause`): one IP, hostname {hostname}, one loopback, one port space. Siblings reach each other on `localhost`, and two processes cannot bind the same port/protocol.',
  'hover.net.host-shared':
    'This pod uses `hostNetwork: true`: its containers share the **node\'s** network namespace, so `localhost` is the node and every port also competes with node daemons and other host-network pods on that node.',
  'hover.net.table-title': 'What `localhost:<port>` reaches in this pod:',
  'hover.net.col.port': 'localhost',
  'hover.net.col.container': 'container',
  'hover.net.col.how': 'known from',
  'hover.net.declared': 'declared `containerPort`',
  'hover.net.implied': 'image default ({source})',
  'hover.net.command-note': 'but `command` replaces the image entrypoint, so nothing may listen here',
  'hover.net.init-note': 'init container: only while it runs',
  'hover.net.more': '{count} more',
  'hover.net.no-ports': 'No container declares a port, and Podsight knows no default port for their images.',
  'hover.net.conflict':
    '⚠ **{port}/{protocol}** is wanted by {containers}, which run at the same time: the second process to bind it fails with "Address already in use", exits, and its container crash-loops (`CrashLoopBackOff`). Move one to another port (usually through its args or env).',
  'hover.net.conflict-free': 'No two containers that run at the same time want the same port.',
  'hover.net.protocols': 'TCP and UDP on the same number do not collide.',
  'hover.net.init-sequence': 'Plain init containers run one after another before the app containers start, so they may reuse the app\'s ports; sidecars (`restartPolicy: Always`) run beside the app and may not.',

  // hostPort / hostNetwork
  'hover.hostport.title': '**`hostPort: {hostPort}/{protocol}`** — opens port {hostPort} on the IP of the node the pod runs on{hostIP} and forwards it to `containerPort {containerPort}` of `{name}`.',
  'hover.hostport.detail':
    'Only one pod per node can hold a given hostPort/protocol/hostIP: the scheduler places at most one such pod on each node, and extra replicas stay Pending. Inside this pod the same hostPort/protocol/hostIP may appear only once — kubectl rejects duplicates among app containers, sidecars are not checked and fail at run time. Prefer a Service (NodePort or LoadBalancer) unless the node\'s own port is the point.',
  'hover.hostport.others': 'Other hostPorts in this pod: {list}.',
  'hover.hostport.host-network': 'This pod uses `hostNetwork: true`, so hostPort must equal containerPort.',
  'hover.hostnetwork.on':
    '**`hostNetwork: true`** — the pod skips its own network namespace and joins the node\'s: its IP is the node IP, `localhost` is the node, and every port its containers bind is bound on the node. Ports then collide with node daemons and with other host-network pods on the same node (two replicas cannot share a node). `hostPort` must equal `containerPort`. It also lets the containers see all the node\'s network traffic — a security risk; most pods never need it.',
  'hover.hostnetwork.off': '**`hostNetwork: false`** — the default: the pod gets its own network namespace (held by the infra container) and its own IP.',
  'hover.hostnetwork.ports': 'Ports this pod then binds on the node: {list}.',

  // Image
  'hover.image.title': '**Image `{image}`** — {title}{variant}.',
  'hover.image.unknown': '**Image `{image}`** — Podsight has no knowledge of this image. Add its ports and directories under `podsight.images` (VS Code setting) or `images:` in `.podsight.yaml` to get port and mount checks for it.',
  'hover.image.ports': 'Listens by default on:',
  'hover.image.no-ports': 'Listens on no port by default.',
  'hover.image.col.port': 'port',
  'hover.image.col.what': 'what',
  'hover.image.populated': 'Ships content in (a volume mounted there hides it):',
  'hover.image.data': 'Directories meant to be mounted:',
  'hover.image.port-setting': 'Changing the port: {how}.',
  'hover.image.command': '`command` is set on this container, so the image\'s entrypoint does not run: its default ports may not be listened on.',
  'hover.image.declared': 'The container declares its own ports ({ports}), so Podsight uses those instead of the image defaults.',
  'hover.image.source': 'Source: {source}.',
  'hover.image.user': 'your image settings (`podsight.images` / `.podsight.yaml`)',

  // Volumes
  'hover.volume.title': '**Volume `{name}`** ({source}).',
  'hover.volume.mounted-by': 'Mounted by:',
  'hover.volume.unmounted': 'No container mounts this volume.',
  'hover.volume.col.container': 'container',
  'hover.volume.col.path': 'mountPath',
  'hover.volume.col.mode': 'access',
  'hover.volume.rw': 'read-write',
  'hover.volume.ro': 'read-only',
  'hover.volume.shared-note': 'Every container that mounts it sees the same files, even at different paths: a file written by one is immediately visible to the others.',
  'hover.volume.emptyDir':
    '**`emptyDir`** — an empty directory created when the pod is placed on a node. It survives container restarts and crashes, and is deleted for good when the pod leaves the node (deleted, evicted, rescheduled). Kubernetes never copies image files into it.',
  'hover.volume.emptyDir.disk': 'Stored on the node\'s disk (the kubelet\'s directory), counted as the pod\'s ephemeral storage.',
  'hover.volume.emptyDir.memory': '`medium: Memory` — a RAM-backed tmpfs: very fast, cleared on node reboot, and every byte written counts against the memory limit of the container that writes it (the container can be OOM-killed).',
  'hover.volume.emptyDir.hugepages': '`medium: {medium}` — backed by huge pages; the pod must request that huge-page resource.',
  'hover.volume.emptyDir.bad-medium': '`medium: {medium}` is not a medium the kubelet knows (`""`, `Memory`, `HugePages`, `HugePages-<size>`; case matters): the API server accepts it but the pod fails to mount the volume.',
  'hover.volume.emptyDir.size': '`sizeLimit: {size}` — when the volume grows beyond it, the kubelet evicts the pod.',
  'hover.volume.emptyDir.no-size': 'No `sizeLimit`: it can grow until the node runs short of storage{memory}.',
  'hover.volume.emptyDir.no-size-memory': ' (a memory-backed one is bounded by the pod\'s memory limit or the node\'s memory)',
  'hover.volume.hostPath':
    '**`hostPath`** — mounts `{path}` from the filesystem of whatever node the pod lands on. The content differs from node to node, outlives the pod, and is shared with anything else on that node that uses the path.',
  'hover.volume.hostPath.type': '`type: {type}` — {meaning}',
  'hover.volume.hostPath.types': 'Values of `type` (case matters):',
  'hover.volume.hostPath.type.empty': 'no check before mounting (default)',
  'hover.volume.hostPath.type.DirectoryOrCreate': 'created (mode 0755, owned like the kubelet) if missing',
  'hover.volume.hostPath.type.Directory': 'must already be a directory',
  'hover.volume.hostPath.type.FileOrCreate': 'created empty (0644) if missing — its parent directory is not created',
  'hover.volume.hostPath.type.File': 'must already be a file',
  'hover.volume.hostPath.type.Socket': 'must be a UNIX socket',
  'hover.volume.hostPath.type.CharDevice': 'must be a character device',
  'hover.volume.hostPath.type.BlockDevice': 'must be a block device',
  'hover.volume.hostPath.mismatch': 'A mismatch fails at mount time ("hostPath type check failed") and the pod stays in ContainerCreating.',
  'hover.volume.hostPath.risk':
    '⚠ Security: hostPath is a way out of the container. Writable mounts of `/`, `/etc`, `/proc`, `/sys`, `/var/run/docker.sock` or the container runtime socket give control of the node. Files created there belong to root on the node. Most pods should use emptyDir, a PVC or a ConfigMap instead.',
  'hover.volume.configMap':
    '**`configMap`** — projects the keys of ConfigMap {ref} as files (one file per key, or only the `items` listed). The volume is read-only whatever `readOnly` says.',
  'hover.volume.secret':
    '**`secret`** — projects the keys of Secret {ref} as files, on a RAM-backed tmpfs so they never touch the node\'s disk. The volume is read-only whatever `readOnly` says.',
  'hover.volume.projection-update':
    'When the {kind} changes, the kubelet updates the files in place after a delay (its sync period plus cache TTL, typically up to a minute or two); the process must re-read them. Files mounted with `subPath` are **never** updated, and a missing {kind} blocks the pod unless `optional: true`.',
  'hover.volume.projected':
    '**`projected`** — combines several sources (secrets, configMaps, downwardAPI, serviceAccountToken, clusterTrustBundle) into one read-only directory. Projections update like their sources, except under `subPath`.',
  'hover.volume.downwardAPI':
    '**`downwardAPI`** — files holding facts about the pod itself (labels, annotations, name, namespace, resource limits). Read-only; label and annotation files are updated when they change, except under `subPath`.',
  'hover.volume.persistentVolumeClaim':
    '**`persistentVolumeClaim`** — mounts the PersistentVolume bound to claim {ref}. The data lives outside the pod and survives it. The pod waits in Pending until the claim is bound; a ReadWriteOnce volume can be attached to one node at a time.',
  'hover.volume.volumeClaimTemplate':
    '**volumeClaimTemplates** — the StatefulSet creates one PersistentVolumeClaim per replica (`{name}-<pod name>`) and keeps it when the pod is deleted or rescheduled.',
  'hover.volume.ephemeral':
    '**`ephemeral`** — a PersistentVolumeClaim created for this pod from the template and deleted with it: storage-class features with emptyDir lifetime.',
  'hover.volume.image':
    '**`image`** — mounts the content of an OCI image or artifact read-only. `subPath` is not allowed on it.',
  'hover.volume.nfs': '**`nfs`** — mounts an NFS export; data outlives the pod and can be shared by many pods at once.',
  'hover.volume.csi': '**`csi`** — an inline volume provided by a CSI driver; what it holds and how long it lives depend on the driver.',
  'hover.volume.other': '**`{source}`** — a volume type provided by the kubelet\'s `{source}` plugin.',
  'hover.volume.no-source': 'This volume names no source: the API server rejects it ("must specify a volume type").',

  // Mounts
  'hover.mount.title': '**Mount of `{volume}` at `{mountPath}`** in `{name}` ({mode}).',
  'hover.mount.undefined': 'No volume named `{volume}` exists in this pod: the API server rejects the mount.',
  'hover.mount.source': 'Volume `{volume}` — {source}',
  'hover.mount.readonly': '`readOnly: true` — writes into `{mountPath}` fail with "Read-only file system".',
  'hover.mount.subpath': '`subPath: {subPath}` — only that entry of the volume is mounted at `{mountPath}`, so the rest of the image directory stays visible.',
  'hover.mount.subpath-projection': 'A {source} mounted with `subPath` never receives updates: restart the pod to pick up changes.',
  'hover.mount.hides': 'The mount hides what image {image} ships there (Kubernetes never copies image files into a volume):',
  'hover.mount.hides-within': 'It hides the part of {dir} under {mountPath} ({contents}).',
  'hover.mount.data-dir': '{mountPath} is a directory image {image} expects to be mounted: {why}.',
  'hover.mount.nothing-hidden': 'Podsight knows of nothing that image {image} ships at {mountPath}.',
} as const;
