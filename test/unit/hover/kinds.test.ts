import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yaml } from '../../helpers/check';
import { hoverOn, mustHover } from './helpers';

const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 2
    template:
      metadata:
        labels: {app: web}
      spec:
        initContainers:
        - name: proxy
          image: envoyproxy/envoy:v1.30
          restartPolicy: Always
        - name: migrate
          image: busybox
        containers:
        - &app
          name: app
          image: nginx:1.27
          volumeMounts:
          - name: html
            mountPath: /usr/share/nginx/html
          - name: cfg
            mountPath: /etc/nginx/conf.d/default.conf
            subPath: default.conf
        - <<: *app
          name: app2
          ports:
          - containerPort: 8080
            hostPort: 9100
        volumes:
        - name: html
          emptyDir: {medium: Memory, sizeLimit: 64Mi}
        - name: cfg
          configMap: {name: web-cfg}
        - name: sock
          hostPath: {path: /var/run/docker.sock, type: Socket}
        - name: creds
          secret: {secretName: web-creds}
`;

const cronJob = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: unrelated}
  data: {a: b}
  ---
  apiVersion: batch/v1
  kind: CronJob
  metadata:
    name: nightly
  spec:
    schedule: "0 3 * * *"
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            hostNetwork: true
            containers:
            - name: backup
              image: postgres:16
              ports: [{containerPort: 5432}]
              volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data, readOnly: true}]
            volumes:
            - name: data
              persistentVolumeClaim: {claimName: pgdata}
`;

test('Deployment: the template key is the pod, with its infra container and generated hostname', () => {
  const h = mustHover(deployment, 'template');
  assert.equal(h.text, 'template');
  assert.match(h.markdown, /\*\*Pod template of Deployment `web`\*\*/);
  assert.match(h.markdown, /hostname the generated pod name/);
  assert.match(h.markdown, /`proxy` \(sidecar/);
  assert.match(h.markdown, /`migrate` \(init/);
  const zh = mustHover(deployment, 'template', { locale: 'zh-cn' });
  assert.match(zh.markdown, /Deployment `web` 的 Pod 模板/);
});

test('Deployment: the pod spec key is the pod too', () => {
  const h = mustHover(deployment, 'spec:', { nth: 1 });
  assert.equal(h.text, 'spec');
  assert.match(h.markdown, /Pod template of Deployment/);
});

test('merge-key container: hover names it, its inherited image ports and conflicts', () => {
  const h = mustHover(deployment, 'app2');
  assert.match(h.markdown, /\*\*Container `app2`\*\* \(app\), runs nginx — shares the pod's network with `proxy`, `migrate`, `app`/);
  assert.match(h.markdown, /\| `localhost:8080` \| \*\*`app2`\*\* \| declared \|/);
  // `app`'s nginx reads conf.d/default.conf from ConfigMap web-cfg, which is not in the file:
  // where it listens is unknown, so the table does not guess the image default (effective listeners).
  assert.doesNotMatch(h.markdown, /`localhost:80`/);
  assert.match(h.markdown, /\| `localhost:10000` \| `proxy` \| envoy image default/);
});

test('port conflicts are shown with their run-time consequence', () => {
  const pod = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: two}
    spec:
      containers:
      - name: a
        image: nginx
        ports: [{containerPort: 80}]
      - name: b
        image: nginx
  `;
  const h = mustHover(pod, 'containerPort');
  // Leads with this port in this pod: who binds it, who else does, what follows.
  assert.match(h.markdown, /^\*\*`80\/TCP`\*\* · nginx in `a` binds 80 — so does `b`'s nginx: one of them crash-loops\./);
  assert.match(h.markdown, /\| `localhost:80` \| \*\*`a`\*\*, `b` \| ⚠ clash: one crash-loops \|/);
  // `b` has its own nginx on 80: `localhost:80` is not `a`'s for it.
  assert.doesNotMatch(h.markdown, /From `b`/);
  const zh = mustHover(pod, 'containerPort', { locale: 'zh-cn' });
  assert.match(zh.markdown, /`a` 中的 nginx 绑定 80，而 `b` 中的 nginx 也要绑定它：其中一个会反复崩溃重启。/);
  // The diagnostic is VS Code's to show, not repeated in the hover.
  const onImage = mustHover(pod, 'nginx', { nth: 1 });
  assert.equal(onImage.text, 'nginx');
  assert.match(onImage.markdown, /\*\*Image `nginx`\*\*/);
  assert.doesNotMatch(onImage.markdown, /implicit-port-conflict/);
});

test('init containers are not in conflict with the app', () => {
  const h = mustHover(deployment, 'migrate');
  assert.match(h.markdown, /\(init \(runs to completion before the app containers\)\)/);
  assert.match(h.markdown, /Plain init containers run one after another/);
});

test('hostPort: what it opens on the node and the scheduling consequence', () => {
  const h = mustHover(deployment, 'hostPort');
  assert.equal(h.text, 'hostPort');
  assert.match(h.markdown, /\*\*`hostPort: 9100\/TCP`\*\* — opens port 9100 on the IP of the node/);
  assert.match(h.markdown, /`containerPort 8080` of `app2`/);
  assert.match(h.markdown, /extra replicas stay Pending/);
  assert.match(mustHover(deployment, 'hostPort', { locale: 'zh-cn' }).markdown, /多出的副本会一直处于 Pending/);
});

test('emptyDir medium Memory and sizeLimit', () => {
  for (const needle of ['medium', 'sizeLimit', 'emptyDir']) {
    const h = mustHover(deployment, needle);
    assert.match(h.markdown, /`medium: Memory` — a RAM-backed tmpfs/);
    assert.match(h.markdown, /counts against the memory limit/);
    assert.match(h.markdown, /`sizeLimit: 64Mi` — when the volume grows beyond it, the kubelet evicts the pod/);
    assert.match(h.markdown, /\| `app` \| `\/usr\/share\/nginx\/html` \| read-write \|/);
  }
  assert.match(mustHover(deployment, 'medium', { locale: 'zh-cn' }).markdown, /基于内存的 tmpfs/);
});

test('hostPath: path, type meaning, the risk; every type value on `type`', () => {
  const h = mustHover(deployment, 'hostPath');
  assert.match(h.markdown, /mounts `\/var\/run\/docker\.sock` from the filesystem of whatever node/);
  assert.match(h.markdown, /`type: Socket` — must be a UNIX socket/);
  assert.match(h.markdown, /⚠ Writable mounts/);
  assert.match(h.markdown, /No container mounts this volume/);
  const type = mustHover(deployment, 'type: Socket');
  // A header over both columns, one row per value.
  assert.match(type.markdown, /\| `type` \| meaning \|/);
  for (const t of ['DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice']) assert.match(type.markdown, new RegExp(`\\| \`${t}\` \\|`));
  assert.match(type.markdown, /its parent directory is not created/);
  assert.match(mustHover(deployment, 'hostPath', { locale: 'zh-cn' }).markdown, /交出了节点的控制权/);
});

test('configMap and secret: read-only projections and how updates arrive', () => {
  const cm = mustHover(deployment, 'configMap');
  assert.match(cm.markdown, /projects the keys of ConfigMap `web-cfg`/);
  assert.match(cm.markdown, /read-only whatever `readOnly` says/);
  assert.match(cm.markdown, /`subPath` are \*\*never\*\* updated/);
  assert.match(cm.markdown, /\| `app` \| `\/etc\/nginx\/conf\.d\/default\.conf` \(subPath `default\.conf`\) \| read-only \|/);
  const secret = mustHover(deployment, 'secretName');
  assert.match(secret.markdown, /Secret `web-creds`/);
  assert.match(secret.markdown, /tmpfs/);
  assert.match(mustHover(deployment, 'configMap', { locale: 'zh-cn' }).markdown, /永远不会\*\*更新/);
});

test('volumeMount: subPath of a configMap never updates; mount hides image content', () => {
  const sub = mustHover(deployment, 'subPath');
  assert.match(sub.markdown, /\*\*Mount of `cfg` at `\/etc\/nginx\/conf\.d\/default\.conf`\*\* in `app` \(read-only\)/);
  assert.match(sub.markdown, /A `configMap` mounted with `subPath` never receives updates/);
  const html = mustHover(deployment, 'mountPath: /usr/share/nginx/html', { delta: 12 });
  assert.equal(html.text, '/usr/share/nginx/html');
  assert.match(html.markdown, /hides what image `nginx:1\.27` ships there/);
  assert.match(html.markdown, /index\.html/);
  // app2 mounts the same volume writable (it may fill it), so no finding here; alone, there is one.
  const alone = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: web
        image: nginx
        volumeMounts: [{name: html, mountPath: /usr/share/nginx/html}]
      volumes: [{name: html, emptyDir: {}}]
  `;
  const finding = mustHover(alone, '/usr/share', { delta: 0 });
  assert.doesNotMatch(finding.markdown, /mount-shadows-image/);
  assert.match(finding.markdown, /hides what image `nginx` ships there/);
  assert.match(mustHover(deployment, 'mountPath: /usr/share/nginx/html', { delta: 12, locale: 'zh-cn' }).markdown, /该挂载会遮住镜像 `nginx:1\.27`/);
});

test('image: what Podsight knows and where from; unknown images; user settings', () => {
  const h = mustHover(deployment, 'nginx:1.27');
  assert.equal(h.text, 'nginx:1.27');
  assert.match(h.markdown, /\*\*Image `nginx:1\.27`\*\*/);
  assert.match(h.markdown, /\| `80\/TCP` \|/);
  assert.match(h.markdown, /`\/usr\/share\/nginx\/html`/);
  assert.match(h.markdown, /Source: .*docker-nginx/);
  const unknown = mustHover(deployment, 'busybox');
  assert.match(unknown.markdown, /Listens on no port by default|no knowledge of this image/);
  const custom = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - {name: api, image: myorg/api:2}
  `;
  assert.match(mustHover(custom, 'myorg/api').markdown, /no knowledge of this image/);
  const known = mustHover(custom, 'myorg/api', { options: { images: { 'myorg/api': { ports: [8080], populatedDirs: ['/app/static'] } } } });
  assert.match(known.markdown, /\| `8080\/TCP` \|/);
  assert.match(known.markdown, /Source: your image settings/);
  assert.match(mustHover(custom, 'myorg/api', { locale: 'zh-cn' }).markdown, /Podsight 不了解这个镜像/);
});

test('CronJob in a multi-document file: hostNetwork, PVC mount, readOnly', () => {
  const hn = mustHover(cronJob, 'hostNetwork');
  assert.match(hn.markdown, /\*\*`hostNetwork: true`\*\* — the pod skips its own network namespace/);
  assert.match(hn.markdown, /`5432\/TCP` \(`backup`\)/);
  const port = mustHover(cronJob, 'containerPort');
  assert.match(port.markdown, /With `hostNetwork: true` the containers share the \*\*node's\*\* network namespace/);
  const mount = mustHover(cronJob, 'readOnly');
  assert.match(mount.markdown, /\*\*Mount of `data` at `\/var\/lib\/postgresql\/data`\*\* in `backup` \(read-only\)/);
  assert.match(mount.markdown, /mounts the PersistentVolume bound to claim `pgdata`/);
  assert.match(mount.markdown, /writes into `\/var\/lib\/postgresql\/data` fail/);
  assert.match(mustHover(cronJob, 'hostNetwork', { locale: 'zh-cn' }).markdown, /加入节点的/);
  assert.match(mustHover(cronJob, 'kind: CronJob', { delta: 0 }).markdown, /Pod template of CronJob `nightly`/);
});

test('every other key shows its schema documentation and type, with an API reference link', () => {
  const replicas = mustHover(deployment, 'replicas');
  assert.match(replicas.markdown, /^\*\*`replicas`\*\* · `integer`/);
  assert.match(replicas.markdown, /Number of desired pods/);
  assert.match(replicas.markdown, /\[API reference \(DeploymentSpec v1\.36\)\]\(https:\/\/kubernetes\.io\/docs\/reference\/generated\/kubernetes-api\/v1\.36\/#deploymentspec-v1-apps\)/);
  const schedule = mustHover(cronJob, 'schedule');
  assert.match(schedule.markdown, /`string` · required/);
  const restart = mustHover(cronJob, 'restartPolicy');
  assert.match(restart.markdown, /Restart policy for all containers/);
  // A value shows its field's documentation, with the value as range.
  const value = mustHover(cronJob, 'OnFailure', { delta: 0 });
  assert.equal(value.text, 'OnFailure');
  assert.match(value.markdown, /\*\*`restartPolicy`\*\*/);
  assert.match(mustHover(cronJob, 'claimName').markdown, /claim/i);
  assert.match(mustHover(deployment, 'labels').markdown, /\*\*`labels`\*\* · `map\[string\]string`/);
  assert.match(mustHover(deployment, 'replicas', { locale: 'zh-cn' }).markdown, /API 参考（DeploymentSpec v1\.36）/);
  // Keys of the merge-key container resolve through `<<` to the Container type.
  assert.match(mustHover(deployment, 'restartPolicy').markdown, /\*\*`restartPolicy`\*\*/);
});

test('kind: List items are documented by their own kind', () => {
  const list = yaml`
    apiVersion: v1
    kind: List
    items:
    - apiVersion: v1
      kind: Pod
      metadata: {name: listed}
      spec:
        terminationGracePeriodSeconds: 5
        containers:
        - name: c
          image: redis
  `;
  assert.match(mustHover(list, 'terminationGracePeriodSeconds').markdown, /\*\*`terminationGracePeriodSeconds`\*\* · `integer`/);
  assert.match(mustHover(list, 'name: c', { delta: 6 }).markdown, /\*\*Container `c`\*\* \(app\), runs redis — the only container/);
  assert.match(mustHover(list, 'redis').markdown, /6379/);
});

test('no hover outside Kubernetes objects; a misspelled key speaks about that key', () => {
  assert.equal(hoverOn('services:\n  web:\n    image: nginx\n', 'image'), undefined);
  const typo = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: c
        image: nginx
      volumes:
      - name: v
        hostPath: {Path: /logs}
  `;
  const h = mustHover(typo, '{Path');
  assert.match(h.markdown, /^\*\*`Path`\*\* — not a field of `HostPathVolumeSource`, so Kubernetes reads nothing from it\. The field you probably mean:\n\n\*\*`path`\*\* · `string` · required/);
  assert.doesNotMatch(h.markdown, /unknown-field|Volume `v`/);
  // The volume's own hover says what is missing and the likely fix.
  const volume = mustHover(typo, 'hostPath');
  assert.match(volume.markdown, /\*\*`hostPath`\*\* with no `path:` — did you mean `Path:` → `path:`\?/);
  assert.match(mustHover(typo, 'hostPath', { locale: 'zh-cn' }).markdown, /缺少 `path:`—— 是不是想把 `Path:` 写成 `path:`？/);
});

test('hover: the kinds around a pod get their field documentation, long descriptions shortened to fit', () => {
  const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend: {service: {name: web, port: {number: 80}}}\n';
  const pathType = mustHover(ingress, 'pathType').markdown;
  assert.match(pathType, /\*\*`pathType`\*\*/);
  assert.match(pathType, /Exact: Matches the URL path exactly/);
  // The "Possible enum values" notes (1,100 characters) give way to the list of values.
  assert.doesNotMatch(pathType, /Possible enum values/);
  assert.match(pathType, /`Exact`, `ImplementationSpecific`, `Prefix`/);
  assert.ok(pathType.length < 1300, String(pathType.length));
  const pvc = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  accessModes: [ReadWriteOnce]\n';
  assert.match(mustHover(pvc, 'accessModes').markdown, /accessModes contains the desired access modes/);
  const role = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules:\n- verbs: [get]\n';
  assert.match(mustHover(role, 'verbs').markdown, /Verbs is a list of Verbs that apply to ALL the ResourceKinds/);
});

test('a volume with only a name is given an empty emptyDir, not refused (sweep CA)', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: busybox\n    volumeMounts: [{name: scratch, mountPath: /scratch}]\n  volumes:\n  - name: scratch\n';
  const h = mustHover(pod, 'scratch', { nth: 1 });
  assert.match(h.markdown, /names no source, so the API server gives it an empty emptyDir/);
  assert.doesNotMatch(h.markdown, /rejects/);
});
