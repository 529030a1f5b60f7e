/** mount-shadows-image: a ConfigMap over /etc/nginx whose nginx.conf includes a file it lacks (mime.types). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

const configMap = (files: Record<string, string>): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: nginx-config}\ndata:\n${Object.entries(files).map(([k, v]) => `  ${k}: |\n${v.split('\n').map((l) => `    ${l}`).join('\n')}`).join('\n')}\n---\n`;
const deployment = (mount = 'mountPath: /etc/nginx', extra = '', items = ''): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n${extra ? `        ${extra}\n` : ''}        volumeMounts:\n        - name: conf\n          ${mount}\n      volumes:\n      - name: conf\n        configMap: {name: nginx-config${items}}\n`;
const CONF = 'events {}\nhttp {\n  include /etc/nginx/mime.types;\n  server { listen 80; }\n}';
const warnings = (text: string) => findings(text, 'mount-shadows-image').filter((f) => f.severity === 'warning');

test('mount-shadows-image: nginx.conf includes mime.types, which the ConfigMap over /etc/nginx lacks', () => {
  const text = configMap({ 'nginx.conf': CONF }) + deployment();
  const [f] = warnings(text);
  assert.ok(f);
  assert.equal(f.text, '/etc/nginx');
  assert.match(f.message, /includes \/etc\/nginx\/mime\.types, which the ConfigMap does not hold/);
  assert.match(f.message, /\[emerg\] open\(\) "\/etc\/nginx\/mime\.types" failed/);
  // Relative includes resolve in /etc/nginx; a ConfigMap without nginx.conf fails on that first.
  assert.equal(warnings(configMap({ 'nginx.conf': CONF.replace('/etc/nginx/mime.types', 'mime.types') }) + deployment()).length, 1);
  assert.match(warnings(configMap({ 'default.conf': 'server { listen 80; }' }) + deployment())[0]?.message ?? '', /holds no nginx\.conf/);
  // A file the ConfigMap holds is read for its own includes.
  assert.equal(warnings(configMap({ 'nginx.conf': 'events {}\nhttp { include site.conf; }', 'site.conf': 'include fastcgi_params;\nserver { listen 80; }' }) + deployment()).length, 1);
});

test('mount-shadows-image: silent when the ConfigMap holds what nginx.conf includes, or nginx reads another file', () => {
  assert.equal(warnings(configMap({ 'nginx.conf': CONF, 'mime.types': 'types { text/html html; }' }) + deployment()).length, 0);
  assert.equal(warnings(configMap({ 'nginx.conf': 'events {}\nhttp { include /etc/nginx/conf.d/*.conf; }' }) + deployment()).length, 0);
  assert.equal(warnings(configMap({ 'nginx.conf': '# include mime.types;\nevents {}\nhttp { server { listen 80; } }' }) + deployment()).length, 0);
  // Mounted with subPath, at conf.d, or read with -c; the ConfigMap elsewhere.
  assert.equal(warnings(configMap({ 'nginx.conf': CONF }) + deployment('mountPath: /etc/nginx/nginx.conf\n          subPath: nginx.conf')).length, 0);
  assert.equal(warnings(configMap({ 'nginx.conf': CONF }) + deployment('mountPath: /etc/nginx', 'args: [nginx, -c, /etc/nginx/nginx.conf, -g, "daemon off;"]')).length, 0);
  assert.equal(warnings(deployment()).length, 0);
  // items: only the listed paths are there.
  assert.equal(warnings(configMap({ 'nginx.conf': CONF, 'mime.types': 'types {}' }) + deployment('mountPath: /etc/nginx', '', ', items: [{key: nginx.conf, path: nginx.conf}]')).length, 1);
});

test('mount-shadows-image fix: mount only nginx.conf, so the image keeps mime.types', () => {
  const text = configMap({ 'nginx.conf': CONF }) + deployment();
  const { result } = applyFix(text, 'mount-shadows-image', /Mount only|nginx\.conf/, undefined, { nth: findings(text, 'mount-shadows-image').findIndex((f) => f.severity === 'warning') });
  assert.match(result, /mountPath: \/etc\/nginx\/nginx\.conf\n {10}subPath: nginx\.conf/);
  assert.equal(warnings(result).length, 0);
});

test('mount-shadows-image: a volume mounted inside /etc/nginx supplies the included file (sweep CO)', () => {
  const text = configMap({ 'nginx.conf': CONF }) + deployment('mountPath: /etc/nginx\n        - name: types\n          mountPath: /etc/nginx/mime.types\n          subPath: mime.types').replace('      - name: conf\n        configMap', '      - name: types\n        configMap: {name: types}\n      - name: conf\n        configMap');
  assert.equal(warnings(text).length, 0);
});
