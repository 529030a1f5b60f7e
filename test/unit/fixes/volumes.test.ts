import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, yaml } from '../../helpers/check';
import { applyFix, applyFixAll, fixesOf } from '../../helpers/fix';

const cronJob = yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata: {name: nightly}
  spec:
    schedule: "0 3 * * *"
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            containers:
            - name: job
              image: busybox
              volumeMounts:
              - name: scratch   # where the job writes
                mountPath: /scratch
`;

test('undefined-volume in a CronJob: add the volume, creating `volumes:` at the pod spec\'s indentation', () => {
  const { fixes } = fixesOf(cronJob, 'undefined-volume');
  assert.equal(fixes.filter((f) => f.preferred).length, 1, 'adding is the obvious fix when no volume is close');
  applyFix(cronJob, 'undefined-volume', /Add volume "scratch"/, cronJob + '          volumes:\n          - name: scratch\n            emptyDir: {}\n');
});

test('undefined-volume: rename to the closest volume (preferred); add to a flow list', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: v}
    spec:
      containers:
      - name: a
        image: busybox
        volumeMounts: [{name: confg, mountPath: /etc/app}]
      volumes: [{name: config, configMap: {name: app}}]
  `;
  const { fixes } = fixesOf(text, 'undefined-volume');
  assert.equal(fixes.find((f) => f.preferred)?.title, 'Rename "confg" to "config"');
  applyFix(text, 'undefined-volume', /Rename/, text.replace('{name: confg', '{name: config'));
  applyFix(text, 'undefined-volume', /Add volume/, text.replace('configMap: {name: app}}]', 'configMap: {name: app}}, {name: confg, emptyDir: {}}]'));
});

test('unused-volume: remove it (the whole `volumes:` when it was the only one), or mount it in each container', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: v}
    spec:
      initContainers:
      - name: init
        image: busybox
      containers:
      - name: app
        image: busybox
        volumeMounts:
        - name: other
          mountPath: /other
      volumes:
      - name: spare
        emptyDir: {}
  `;
  const { fixes } = fixesOf(text, 'unused-volume');
  assert.deepEqual(fixes.map((f) => f.title).slice(0, 3), ['Remove volume "spare"', 'Mount volume "spare" in container "init" at /mnt/spare', 'Mount volume "spare" in container "app" at /mnt/spare']);
  applyFix(text, 'unused-volume', /Remove volume/, text.replace('  volumes:\n  - name: spare\n    emptyDir: {}\n', ''));
  applyFix(text, 'unused-volume', /container "init"/, text.replace('    image: busybox\n  containers', '    image: busybox\n    volumeMounts:\n    - name: spare\n      mountPath: /mnt/spare\n  containers'));
  applyFix(text, 'unused-volume', /container "app"/, text.replace('      mountPath: /other\n', '      mountPath: /other\n    - name: spare\n      mountPath: /mnt/spare\n'));
});

test('duplicate-mount-path: remove the duplicate (preferred when it is the same volume), or move it', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: v}
    spec:
      containers:
      - name: a
        image: busybox
        volumeMounts:
        - name: logs
          mountPath: /var/log/app
        - name: logs
          mountPath: /var/log/app/   # same directory
        - name: tmp
          mountPath: /tmp
      volumes:
      - {name: logs, emptyDir: {}}
      - {name: tmp, emptyDir: {}}
  `;
  assert.equal(fixesOf(text, 'duplicate-mount-path').fixes.find((f) => f.preferred)?.title, 'Remove the duplicate mount at /var/log/app/');
  applyFix(text, 'duplicate-mount-path', /Remove/, text.replace('    - name: logs\n      mountPath: /var/log/app/   # same directory\n', ''));
  applyFix(text, 'duplicate-mount-path', /Move this mount to \/var\/log\/app-logs/, text.replace('/var/log/app/   #', '/var/log/app-logs   #'));
});

test('mount-shadows-image: sub-directory, a single file with subPath, or an explained init container', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        volumeMounts:
        - name: site
          mountPath: "/usr/share/nginx/html"
      volumes:
      - name: site
        emptyDir: {}
  `;
  applyFix(text, 'mount-shadows-image', /sub-directory/, text.replace('"/usr/share/nginx/html"', '"/usr/share/nginx/html/site"'));
  // An emptyDir holds no index.html: its subPath would be made a directory, refused over the image's file.
  assert.equal(fixesOf(text, 'mount-shadows-image').fixes.some((f) => /subPath/.test(f.title)), false);
  const configMap = text.replace('emptyDir: {}', 'configMap: {name: site}');
  applyFix(configMap, 'mount-shadows-image', /subPath/, configMap.replace('"/usr/share/nginx/html"', '"/usr/share/nginx/html/index.html"\n      subPath: index.html'));
  applyFix(
    text,
    'mount-shadows-image',
    /init container/,
    text +
      '  # Podsight: volume "site" hides what the image ships in /usr/share/nginx/html (Kubernetes never copies image files into a volume).\n' +
      '  # This init container copies that content into the volume before "web" starts.\n' +
      '  initContainers:\n' +
      '  - name: seed-site\n' +
      '    image: nginx:1.27\n' +
      '    command: [sh, -c, cp -a /usr/share/nginx/html/. /podsight-seed/]\n' +
      '    volumeMounts:\n' +
      '    - name: site\n' +
      '      mountPath: /podsight-seed\n',
  );
});

test('names: rename duplicates and invalid names to valid unique ones; a renamed volume takes its mounts along', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: n}
    spec:
      hostname: My_Host
      containers:
      - name: uploader
        image: busybox
        volumeMounts: [{name: Out_Dir, mountPath: /out}]
      - name: uploader
        image: busybox
      volumes:
      - name: Out_Dir
        emptyDir: {}
      - name: cache
        emptyDir: {}
      - name: cache
        emptyDir: {}
  `;
  applyFix(text, 'duplicate-container-name', /Rename "uploader" to "uploader-2"/, text.replace('- name: uploader\n    image: busybox\n  volumes', '- name: uploader-2\n    image: busybox\n  volumes'));
  applyFix(text, 'duplicate-volume-name', /Rename "cache" to "cache-2"/, text.replace(/- name: cache\n    emptyDir: \{\}\n$/, '- name: cache-2\n    emptyDir: {}\n'));
  applyFix(text, 'invalid-name', /Rename "My_Host" to "my-host"/, text.replace('My_Host', 'my-host'));
  applyFix(text, 'invalid-name', /Rename "Out_Dir" to "out-dir"/, text.replace(/Out_Dir/g, 'out-dir'), { nth: 1 });
});

test('unknown-field and invalid-value keep quotes; fix all applies only safe fixes and never overlaps', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: s}
    spec:
      restartPolicy: 'never'
      containers:
      - name: a
        image: busybox
        imagePullPolicy: "always"
        ports:
        - {containerPort: 80, protocol: udp}
        volumeMounts:
        - {name: logs, "mountpath": /logs}
      volumes:
      - name: logs
        hostPath: {Path: /logs, type: directory}
  `;
  applyFix(text, 'unknown-field', /Replace "mountpath" with "mountPath"/, text.replace('"mountpath"', '"mountPath"'));
  applyFix(text, 'invalid-value', /Replace "never" with "Never"/, text.replace("'never'", "'Never'"));
  const all = applyFixAll(text);
  assert.equal(
    all,
    text.replace("'never'", "'Never'").replace('"always"', '"Always"').replace('udp', 'UDP').replace('"mountpath"', '"mountPath"').replace('{Path:', '{path:').replace('directory}', 'Directory}'),
  );
  assert.deepEqual(check(all).map((f) => f.rule), []);
  assert.equal(applyFixAll(text, 'invalid-value'), text.replace("'never'", "'Never'").replace('"always"', '"Always"').replace('directory}', 'Directory}'));
});

test('invalid-value: a Job pod template needs restartPolicy OnFailure or Never; the fixes set one and the Job is right', () => {
  const job = (policyLine: string): string =>
    `apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n  template:\n    spec:\n${policyLine}      containers:\n      - {name: migrate, image: busybox}\n`;
  const missing = job('');
  const found = check(missing).filter((f) => f.rule === 'invalid-value');
  assert.deepEqual(found.map((f) => f.text), ['spec']);
  assert.match(found[0]?.message ?? '', /spec\.template\.spec\.restartPolicy: Required value: valid values: "OnFailure", "Never"/);
  const { result, fix } = applyFix(missing, 'invalid-value', /Add restartPolicy: Never/);
  assert.equal(fix.preferred, true);
  assert.deepEqual(check(result).map((f) => f.rule), []);
  applyFix(missing, 'invalid-value', /Add restartPolicy: OnFailure/);
  const always = job('      restartPolicy: Always\n');
  applyFix(always, 'invalid-value', /Replace "Always" with "Never"/, always.replace('Always', 'Never'));
  applyFix(always, 'invalid-value', /Replace "Always" with "OnFailure"/, always.replace('Always', 'OnFailure'));
  // A case slip in a Job: the fixes offer what a Job accepts, never "Always".
  const slip = job('      restartPolicy: always\n');
  const titles = fixesOf(slip, 'invalid-value', 0, {}).fixes.map((f) => f.title);
  assert.ok(titles.includes('Replace "always" with "Never"') && titles.includes('Replace "always" with "OnFailure"') && !titles.some((t) => t.includes('"Always"')), titles.join(' | '));
  // A CronJob's template too; a Deployment's pods may well restart always.
  const cron = yaml`
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: c}
    spec:
      schedule: "0 * * * *"
      jobTemplate:
        spec:
          template:
            spec:
              containers: [{name: c, image: busybox}]
  `;
  assert.match(check(cron).find((f) => f.rule === 'invalid-value')?.message ?? '', /spec\.jobTemplate\.spec\.template\.spec\.restartPolicy/);
  assert.deepEqual(check(cron.replace(/( *)containers:/, '$1restartPolicy: OnFailure\n$1containers:')).map((f) => f.rule), []);
});

test('undefined-volume on a volumeDevice: only the rename (an emptyDir cannot back a block device)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: v}
    spec:
      containers:
      - name: a
        image: busybox
        volumeDevices: [{name: raw-dsk, devicePath: /dev/xvda}]
      volumes: [{name: raw-disk, persistentVolumeClaim: {claimName: raw}}]
  `;
  const own = (t: string) => fixesOf(t, 'undefined-volume').fixes.filter((f) => !f.title.startsWith('Disable'));
  assert.deepEqual(own(text).map((f) => [f.title, f.preferred]), [['Rename "raw-dsk" to "raw-disk"', true]]);
  applyFix(text, 'undefined-volume', /Rename/, text.replace('name: raw-dsk', 'name: raw-disk'));
  const far = text.replace('raw-dsk', 'other');
  const findingsOf = (t: string) => check(t).filter((f) => f.rule === 'undefined-volume').length;
  assert.equal(findingsOf(far), 1);
  assert.deepEqual(own(far), []);
});
