/**
 * Renders docs/images.md from the built-in table. A unit test (test/unit/images/docs.test.ts)
 * fails when the file is out of date; regenerate it after `npm run build` with
 *   node -e "process.stdout.write(require('./out/server/src/k8s/images/docs').renderImagesMarkdown())" > docs/images.md
 */
import { IMAGE_USERS } from './data/users';
import { allKnownImages } from './index';
import type { DataDir, ImageInfo, ImagePort, ListenModel, PopulatedDir } from './types';

/** The listen model in one cell: what Podsight reads to find the process's real ports. */
function listenCell(info: ImageInfo): string {
  const listen: ListenModel | undefined = info.listen;
  if (!listen) return info.portSetting ? `not read (${info.portSetting.description})` : '—';
  const parts: string[] = [];
  for (const s of listen.settings) {
    const names = [...(s.args ?? []).map((a) => `\`${a}\``), ...(s.keyedArg ? [`\`${s.keyedArg.flag} ${s.keyedArg.key}=N\``] : []), ...(s.env ?? []).map((e) => `env \`${e}\``)];
    const bind = [...(s.bindArgs ?? []).map((a) => `\`${a}\``), ...(s.bindEnv ?? []).map((e) => `env \`${e}\``)];
    const what = s.port !== undefined ? `${s.port} ← ` : 'adds ';
    const value = s.value === 'port' ? 'port' : '[host]:port';
    parts.push(`${what}${names.join(', ')} (${s.protocol === 'UDP' ? `UDP ${value}` : value}${s.repeatable ? ', repeatable' : ''})${bind.length ? `, bind ${bind.join(', ')}` : ''}`);
  }
  if (listen.config === 'nginx') parts.push('`listen` in nginx.conf, conf.d/*.conf and templates mounted from a ConfigMap');
  if (listen.config === 'redis') parts.push('`port`/`bind` of the file named as first argument (after the program any name not starting with `-`, else a `.conf` file), mounted from a ConfigMap');
  if (listen.config === 'httpd') parts.push('`Listen` in httpd.conf (or the `-f` file) and the files it includes, mounted from a ConfigMap');
  if (listen.config === 'caddy') parts.push('site addresses, `http_port`/`https_port`, `bind` and `admin` of the Caddyfile mounted from a ConfigMap');
  if (listen.config === 'envoy') parts.push('`static_resources.listeners[].address` and `admin.address` of the `-c` file mounted from a ConfigMap');
  if (listen.config === 'traefik') parts.push('`entryPoints.*.address` of traefik.yml/.toml (or `--configFile`) mounted from a ConfigMap, which replaces the flags');
  if (listen.config === 'nats') parts.push('`port`/`listen`, `http`/`http_port`/`monitor_port`, `https`, `prof_port` and the `port`/`listen` of `cluster`, `gateway`, `leafnodes`, `websocket`, `mqtt` in the `--config` file mounted from a ConfigMap (flags win over it)');
  if (listen.config === 'registry') parts.push(`\`http.addr\` and \`http.debug.addr\` of ${listen.configFile ? `\`${listen.configFile}\`` : 'the CMD\'s file'} (or the file args name) mounted from a ConfigMap (env wins over it)`);
  if (listen.config === 'tomcat') parts.push('`port`/`address` of each `<Connector>` in conf/server.xml mounted from a ConfigMap');
  if (listen.config === 'mosquitto') parts.push('`listener <port> [<address>]` lines of the `-c` file mounted from a ConfigMap (none: 127.0.0.1:1883 only)');
  if (listen.propertiesFile) parts.push(`\`key=value\` lines of \`${listen.propertiesFile.path}\` mounted from a ConfigMap, read as env \`${listen.propertiesFile.envPrefix}KEY\` the container does not set`);
  for (const sw of listen.switchedPorts ?? []) {
    const on = sw.settings.map((s) => [...s.args.map((n) => `\`${n}\``), ...s.env.map((e) => `env \`${e}\``)].join(', ') + ` = ${s.on.join('|')}`);
    parts.push(`${sw.port} off under ${sw.modes.map((m) => `\`${m}\``).join(', ')} unless ${on.join(' or ')}`);
  }
  if (listen.configPaths?.length) parts.push(`${listen.config ? 'unsure when another volume is' : 'unsure when a volume is'} mounted at ${listen.configPaths.map((p) => `\`${p}\``).join(', ')}`);
  if (listen.configArgs?.length) parts.push(`unsure with ${listen.configArgs.map((a) => `\`${a}\``).join(', ')}`);
  if (listen.featureArgs?.length) parts.push(`unsure with ${listen.featureArgs.map((a) => `\`${a}\``).join(', ')} (a feature with listeners of its own)`);
  if (listen.optionModifiers?.length) parts.push(`${listen.optionModifiers.map((a) => `\`${a}x\``).join(', ')} read as \`--x\``);
  if (listen.cmdPorts?.length) parts.push(`${listen.cmdPorts.join(', ')} only from the image's CMD: with args, only when a flag or the CMD's \`--config\` file names them`);
  if (listen.tcpOff) {
    const { args = [], valueArgs = [], emptyArgs = [], env, emptyKeyedArg } = listen.tcpOff;
    const off = [
      ...args.map((a) => `\`${a}\``),
      ...valueArgs.map((a) => (a.startsWith('--') ? `\`${a}=<socket>\`` : `\`${a} <socket>\``)),
      ...emptyArgs.map((a) => (a.startsWith('--') ? `\`${a}=\`` : `\`${a} ''\``)),
      ...(env ? [`env \`${env.name}=${env.values.join('|')}\``] : []),
      ...(emptyKeyedArg ? [`\`${emptyKeyedArg.flag} ${emptyKeyedArg.key}=\``] : []),
    ];
    parts.push(`no TCP listener with ${off.join(', ')}`);
  }
  if (listen.argsEnv) parts.push(`the words of env ${listen.argsEnv.names.map((e) => `\`${e}\``).join(', ')} read as args${listen.argsEnv.cmdOnly ? ' (only when `args` do not replace the CMD)' : ''}`);
  if (listen.configEnv?.length) parts.push(`unsure with env ${listen.configEnv.map((e) => `\`${e}\``).join(', ')}`);
  if (listen.fileEnvSuffix) parts.push(`unsure when a setting's variable is given with \`${listen.fileEnvSuffix}\` (read from a file)`);
  if (listen.configFileArgs?.length) parts.push(`args may start with a ${listen.configFileArgs.map((e) => `\`${e}\``).join('/')} file`);
  if (listen.exitArgs?.length) parts.push(`no listener with ${listen.exitArgs.map((a) => `\`${a}\``).join(', ')} (prints or tests, then exits)`);
  if (listen.programs?.length) parts.push(`command or args may start with ${listen.programs.map((p) => `\`${p}\``).join(', ')}`);
  if (listen.complete) parts.push('**complete** (port-not-served applies)');
  return parts.join('; ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function ports(list: readonly ImagePort[]): string {
  return list.length === 0 ? 'none' : list.map((p) => `${p.protocol === 'TCP' ? p.port : `${p.port}/${p.protocol.toLowerCase()}`}${p.configured ? ' (when configured)' : ''}`).join(', ');
}

function paths(list: readonly (PopulatedDir | DataDir)[]): string {
  return list.length === 0 ? '—' : list.map((d) => `\`${d.path}\``).join(', ');
}

/** The whole of docs/images.md. */
export function renderImagesMarkdown(): string {
  const images = allKnownImages();
  const lines: string[] = [
    '# Built-in image knowledge',
    '',
    '<!-- Generated from server/src/k8s/images (renderImagesMarkdown); do not edit by hand. -->',
    '',
    `Podsight knows the default ports and directories of ${images.length} images. It uses them for`,
    '`implicit-port-conflict` (a container that declares no port but runs an image that listens on one),',
    '`mount-shadows-image` (a mount at or above a directory the image ships content in hides that content;',
    'directories meant to be mounted are exempt) and for hovers.',
    '',
    '**Effective listeners.** A declaration (`containerPort`) is not a process. For an image listed here,',
    'Podsight takes the default ports and moves them as the container\'s own settings do: command-line',
    'flags in `--flag=value`, `--flag value` and `-p value` forms, values in `port`, `:port`, `host:port` and',
    '`[addr]:port` forms with `$(VAR)` expanded from the container\'s `env` (a `fieldRef` to `status.podIP` is',
    'the pod\'s address), environment variables (also from a ConfigMap of the file), and configuration files',
    'mounted from a ConfigMap of the same file, of a sibling file in its folder or of a kustomize base the',
    'kustomization beside it lists under `resources:`, in the pod\'s namespace (nginx `listen`, redis.conf',
    '`port`, httpd `Listen`, Caddyfile site addresses, Envoy static listeners, Traefik entry points, the',
    'nats-server `--config` file; redis Sentinel\'s 26379, a redis cluster node\'s bus port and `tls-port`). Port 0 turns',
    'a listener off (redis `--port 0 --tls-port 6379` serves TLS only); a list of URLs on one port (etcd',
    '`--listen-client-urls`) is one listener; a repeatable flag given twice, or a long flag written with one dash',
    '(`-web.listen-address`, which only Go\'s flag package reads), leaves the ports unsure; a setting that turns TCP',
    'off (mysqld `--skip-networking`) leaves none. The bind address counts:',
    '`127.0.0.1:9101` and `0.0.0.0:9100` do not clash; `127.0.0.1:80` and `0.0.0.0:80` do. A `command` that',
    'starts the image\'s own server (one of the programs in the "Listeners" column, as in',
    '`command: [nats-server, --config, /etc/nats/nats.conf]`) is read like args; `args` that start with a',
    'word that is no flag and none of those programs or subcommands replace the image\'s command with',
    'another program (`rabbitmqctl await_startup`, `psql -p 5432`, `sh -c …`): where the image lists its programs, its',
    'entrypoint execs that word, so the server\'s flags after it are not read and the declarations stand in, as for',
    'a `command`; otherwise its ports are unknown. A flag that makes the server print or test and exit (`nginx -t`)',
    'leaves the declarations too. When `command` runs',
    'anything else, the image default no longer holds and the declarations stand in; so they do',
    'for an unknown image, or when a setting cannot be read (a Secret, `envFrom`, a configuration file',
    'elsewhere or one Podsight cannot follow): then Podsight says it cannot tell instead of guessing. For images marked **complete**, a',
    'declared port the process does not listen on is reported (`port-not-served`). The "Listeners" column',
    'shows what is read for each image.',
    '',
    '**Matching.** The image reference is reduced to its repository path: the registry, tag and digest are',
    'dropped, and so is Docker Hub\'s `library/` namespace (`docker.io/library/nginx:1.27@sha256:…`,',
    '`mirror.gcr.io/library/nginx`, `public.ecr.aws/docker/library/nginx` and `localhost:5000/nginx` are all',
    '`nginx`). Image references are lowercase; one with an uppercase path matches nothing. An entry describes',
    'what the `latest` tag runs; tag variants (below) change some facts, and an unknown tag means the newest.',
    '',
    '**Ports** are what the image listens on by default (its `EXPOSE` list or a documented default); `command`,',
    '`args` or environment variables can change them (see "Port setting"). **Populated** directories hold',
    'content the image ships: a volume mounted at or above them hides it (Kubernetes never copies image content',
    'into a volume). **Mount points** are `VOLUME`s, documented data directories and documented mount points:',
    'mounting there is intended.',
    '',
    '**Your own images.** The `podsight.images` setting (and the CLI config file) adds or overrides',
    'knowledge, keyed by repository: `{ "team/api": { "ports": [8080, { "port": 5353, "protocol": "UDP" }],',
    '"populatedDirs": ["/app/static"], "dataDirs": ["/var/lib/api"] } }`. `ports` replaces the built-in list;',
    'the directory lists add to it (a path listed in one list is removed from the other).',
    '',
    '| Image | Also matches | Ports | Populated (hidden by a mount) | Mount points (meant to be mounted) | Listeners (what moves the ports) | Source |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const info of images) {
    const setting = listenCell(info);
    lines.push(
      `| \`${info.repository}\` | ${info.aliases?.length ? info.aliases.map((a) => `\`${a}\``).join(', ') : '—'} | ${ports(info.ports)} | ${paths(info.populatedDirs)} | ${paths(info.dataDirs)} | ${cell(setting)} | ${cell(info.source)} |`,
    );
  }
  const withVariants = images.filter((i) => i.variants?.length);
  lines.push('', '## Tag variants', '', 'The first variant whose condition holds replaces the facts it gives.', '', '| Image | Variant | When the tag | Ports | Populated | Mount points | Source |', '|---|---|---|---|---|---|---|');
  for (const info of withVariants) {
    for (const v of info.variants ?? []) {
      const when = [
        v.when.majorAtMost !== undefined && `has major version ≤ ${v.when.majorAtMost}`,
        v.when.majorAtLeast !== undefined && `has major version ≥ ${v.when.majorAtLeast}`,
        v.when.tagWord !== undefined && `contains the word \`${v.when.tagWord}\``,
        v.when.versionBelow !== undefined && `has version < ${v.when.versionBelow}`,
      ].filter(Boolean).join(' and ');
      lines.push(
        `| \`${info.repository}\` | ${cell(v.name)} | ${when} | ${v.ports ? ports(v.ports) : 'as above'} | ${v.populatedDirs ? paths(v.populatedDirs) : 'as above'} | ${v.dataDirs ? paths(v.dataDirs) : 'as above'} | ${cell(v.source ?? '')} |`,
      );
    }
  }
  lines.push(
    '',
    '## Users (`run-as-non-root`)',
    '',
    'The kubelet refuses `runAsNonRoot: true` without a `runAsUser` when the image starts as root or names its user. These images do;',
    'an image not listed here is not judged (images with a numeric non-root `USER`, such as `grafana/grafana` or `bitnami/*`, pass).',
    '',
    '| Image | Starts as | `runAsUser` that keeps its user | Source |',
    '|---|---|---|---|',
    ...Object.entries(IMAGE_USERS).map(([repository, user]) => `| \`${repository}\` | ${user.name === undefined ? 'root (no `USER`)' : `\`${user.name}\` (a name)`} | ${user.uid ?? '—'} | ${cell(user.source)} |`),
  );
  lines.push('', '## Details', '');
  for (const info of images) {
    lines.push(`### ${info.repository}`, '', `${info.title}. Source: ${info.source}.`, '');
    if (info.ports.length === 0) lines.push('- No default listening port.');
    for (const p of info.ports) lines.push(`- Port ${p.port}/${p.protocol}: ${p.description}`);
    for (const d of info.populatedDirs) lines.push(`- Populated \`${d.path}\`: ${d.contents}`);
    for (const d of info.dataDirs) lines.push(`- Mount point \`${d.path}\`: ${d.why}`);
    if (info.portSetting) lines.push(`- Port setting: ${info.portSetting.description}`);
    lines.push('');
  }
  return lines.join('\n');
}
