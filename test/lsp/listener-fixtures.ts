/** The two-nginx pod and its admin ConfigMap, shared by the LSP tests of the listener model. */
import type { Diagnostic } from 'vscode-languageserver-protocol';

export const PORT_RULES = new Set(['port-conflict', 'implicit-port-conflict', 'port-not-served']);

export const portCodes = (d: Diagnostic[]): string[] => d.filter((x) => PORT_RULES.has(String(x.code))).map((x) => String(x.code)).sort();

/** nginx `main` on 80 and nginx `admin` declaring 8081, its conf.d from the ConfigMap `admin-conf`. */
export const twoNginxPod =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: two-nginx}\nspec:\n  containers:\n  - name: main\n    image: nginx:1.27\n    ports: [{containerPort: 80}]\n' +
  '  - name: admin\n    image: nginx:1.27\n    ports: [{containerPort: 8081}]\n    volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}]\n  volumes:\n  - {name: conf, configMap: {name: admin-conf}}\n';

export const adminConf = (port: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: admin-conf}\ndata:\n  default.conf: "server { listen ${port}; }"\n`;
