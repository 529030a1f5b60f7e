/**
 * Two ways an image's own options decide its ports beyond port settings: a `key=value` file it
 * reads below its environment, and switches that open a default port at all. Keycloak has both:
 * conf/keycloak.conf holds the options of `--http-port` and `KC_HTTP_PORT` as `http-port=8180`
 * (args win over env, env over the file), and in production mode (`kc.sh start`) HTTP 8080 is
 * off unless `http-enabled=true` (or `proxy=edge` before Keycloak 26); `start-dev` turns it on.
 */
import type { ConfigMapIndex } from './config-maps';
import type { ListenModel, PortSwitch } from './images';
import { fileAt, isFile } from './listen-config';
import { directiveIn, reason, type UnsureReason } from './listen-reasons';
import { expand, type ArgItem, type ContainerEnv, type EnvValue } from './listen-values';
import { findFlag } from './command-flags';
import type { ContainerModel, PodModel } from './pod-model';

/** The variables the model reads: those of the port settings and of the switches. */
function modelledVariables(listen: ListenModel): Set<string> {
  return new Set([...listen.settings.flatMap((s) => s.env ?? []), ...(listen.switchedPorts ?? []).flatMap((p) => p.settings.flatMap((s) => s.env))]);
}

/**
 * The container's environment with the lines of the image's `key=value` file (ListenModel
 * propertiesFile) mounted from a ConfigMap added as the variables they stand for, where the
 * container does not set them; or why the file cannot be read. Not mounted: the image's own file,
 * which sets no port.
 */
export function withPropertiesFile(listen: ListenModel | undefined, pod: PodModel, container: ContainerModel, configMaps: ConfigMapIndex, env: ContainerEnv): { env: ContainerEnv; unsure?: UnsureReason } {
  const spec = listen?.propertiesFile;
  if (!spec) return { env };
  const file = fileAt(pod, container, spec.path, configMaps);
  if (file === undefined) return { env };
  if (!isFile(file)) return { env, unsure: file };
  const modelled = modelledVariables(listen);
  const vars = new Map<string, EnvValue>(env.vars);
  // Java properties: a `\` at the end of a line continues it; `#` and `!` start comments.
  for (const line of file.text.replace(/\\\r?\n[ \t]*/g, '').split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t.startsWith('!')) continue;
    const m = /^((?:\\.|[^=:\s\\])+)\s*[=:]?\s*(.*)$/.exec(t);
    if (!m) continue;
    const key = m[1] ?? '';
    const value = m[2] ?? '';
    // `%dev.http-port=…` applies in one profile only; `${VAR}` is filled in when the server starts.
    const name = spec.envPrefix + key.replace(/^%[^.]*\./, '').toUpperCase().replace(/[-.]/g, '_');
    if (!modelled.has(name)) continue;
    if (key.startsWith('%') || value.includes('${')) return { env, unsure: directiveIn(t, file.key) };
    if (env.vars.has(name)) continue;
    vars.set(name, { value, origin: `${t} (ConfigMap "${file.configMap.name}", ${file.key})` });
  }
  return { env: { vars, opaque: env.opaque } };
}

type SwitchSetting = PortSwitch['settings'][number];

/** What one setting of a switch says: on, off, not given, or why it cannot be read. */
function switchValue(setting: SwitchSetting, args: readonly ArgItem[], env: ContainerEnv, plain: ContainerEnv): 'on' | 'off' | undefined | UnsureReason {
  let text: string | undefined;
  let origin = '';
  const flag = findFlag(args, setting.args);
  if (flag) {
    text = flag.value;
    origin = flag.joined ? flag.item.text : `${flag.flag} ${flag.value}`;
  } else {
    for (const name of setting.env) {
      const v = env.vars.get(name);
      if (!v) continue;
      if (v.value === undefined) return reason('env-unreadable', { name });
      text = v.value;
      origin = v.origin ?? `${name}=${v.value}`;
    }
    if (text === undefined && env.opaque && setting.env.length > 0) return reason('env-from', { names: setting.env.join(', ') });
  }
  if (text === undefined) return undefined;
  const value = expand(text, plain);
  const word = value.text.trim().toLowerCase();
  if (!value.unresolved && setting.on.includes(word)) return 'on';
  if (!value.unresolved && setting.off.includes(word)) return 'off';
  return reason('switch-value', { setting: origin });
}

/**
 * The default ports the command line leaves off (ListenModel switchedPorts), or why that cannot be
 * told. `words` is the command line after the program; `env` holds the file's settings too, `plain`
 * only the container's variables (what `$(VAR)` expands to).
 */
export function switchedOff(switches: readonly PortSwitch[] | undefined, words: readonly ArgItem[], args: readonly ArgItem[], env: ContainerEnv, plain: ContainerEnv): number[] | UnsureReason {
  const sub = words.find((w) => !w.text.startsWith('-'))?.text;
  const off: number[] = [];
  for (const sw of switches ?? []) {
    if (sub === undefined || !sw.modes.includes(sub)) continue;
    let on = false;
    for (const setting of sw.settings) {
      const state = switchValue(setting, args, env, plain);
      if (typeof state === 'object') return state;
      if (state === 'on') on = true;
    }
    if (!on) off.push(sw.port);
  }
  return off;
}
