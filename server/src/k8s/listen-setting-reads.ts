/**
 * The documented settings of an image (k8s/images ListenSetting) as a container uses them: the
 * default ports they move (or turn off) and the listeners they add, read from args and env.
 * Split from listeners.ts, whose `compute` applies them to the image's defaults.
 */
import type { Node } from 'yaml';
import type { ListenSetting } from './images';
import { findFlag } from './command-flags';
import { bindSetting, listenAddress, singleDashFlag } from './listen-settings';
import { expand, type ArgItem, type ContainerEnv } from './listen-values';
import { reason, type UnsureReason } from './listen-reasons';
import type { Listener } from './listeners';
import type { ContainerModel } from './pod-model';

/** A setting's value in the container, from env (lower precedence) then args. */
function settingHit(setting: ListenSetting, args: readonly ArgItem[], env: ContainerEnv, fileSuffix?: string): { text: string; node?: Node; origin: string; source: 'arg' | 'env' | 'config' } | UnsureReason | undefined {
  let hit: { text: string; node?: Node; origin: string; source: 'arg' | 'env' | 'config' } | undefined;
  for (const name of setting.env ?? []) {
    if (fileSuffix && env.vars.has(name + fileSuffix)) return reason('env-file', { name: name + fileSuffix, target: name });
    const v = env.vars.get(name);
    if (!v) continue;
    if (v.value === undefined) return reason('env-unreadable', { name });
    hit = { text: v.value, node: v.node, origin: v.origin ?? `${name}=${v.value}`, source: v.origin ? 'config' : 'env' };
  }
  if (!hit && env.opaque && (setting.env?.length ?? 0) > 0) return reason('env-from', { names: setting.env?.join(', ') ?? '' });
  const flag = setting.args ? findFlag(args, setting.args, setting) : undefined;
  if (flag && setting.repeatable) {
    const before = args.slice(0, args.indexOf(flag.flagItem));
    if (findFlag(before, setting.args ?? [], setting)) return reason('repeated-flag', { flag: flag.flag });
  }
  if (!flag) {
    const single = singleDashFlag(args, setting.args ?? []);
    if (single) return reason('single-dash', single);
  }
  if (flag) hit = { text: flag.value, node: flag.item.node, origin: flag.item.from ?? (flag.joined ? flag.item.text : `${flag.flag} ${flag.value}`), source: flag.item.from ? 'env' : 'arg' };
  if (setting.keyedArg) {
    const { flag: f, key } = setting.keyedArg;
    args.forEach((item, i) => {
      const next = args[i + 1];
      if (item.text === f && next?.text.startsWith(key + '=')) hit = { text: next.text.slice(key.length + 1), node: next.node, origin: `${f} ${next.text}`, source: 'arg' };
      // getopt: `-cport=5434` or `"-c port=5434"` in one argument.
      const rest = item.text.slice(f.length).trim();
      if (setting.getopt && item.text.length > f.length && item.text.startsWith(f) && rest.startsWith(key + '=')) hit = { text: rest.slice(key.length + 1), node: item.node, origin: item.text, source: 'arg' };
    });
  }
  return hit;
}

/** What the container's settings do to the image's listeners. */
export interface SettingsRead {
  /** Default port → where it moved, or `off`. */
  readonly moves: Map<number, Omit<Listener, 'protocol'> | 'off'>;
  readonly added: Listener[];
  readonly unsure?: UnsureReason;
}

/** `settingItems` collects the args the settings consumed (so that no config flag is read in them). */
export function readSettings(
  container: ContainerModel,
  settings: readonly ListenSetting[],
  input: { readonly args: readonly ArgItem[]; readonly env: ContainerEnv; readonly vars: ContainerEnv; readonly fileSuffix?: string },
  settingItems: Set<ArgItem>,
): SettingsRead {
  const { args, vars } = input;
  const moves = new Map<number, Omit<Listener, 'protocol'> | 'off'>();
  const added: Listener[] = [];
  let unsure: UnsureReason | undefined;
  for (const setting of settings) {
    const found = settingHit(setting, args, input.env, input.fileSuffix);
    if (found && 'key' in found) {
      unsure ??= found;
      continue;
    }
    const { address: bind, namesPort } = bindSetting(setting, args, vars);
    if (namesPort) {
      unsure ??= reason('bind-port', { setting: namesPort });
      continue;
    }
    if (!found) {
      if (bind !== undefined && setting.port !== undefined) moves.set(setting.port, { container, port: setting.port, address: bind, source: 'arg', origin: `bind ${bind || '*'}`, node: container.imageNode, defaultPort: setting.port, setting });
      continue;
    }
    for (const a of args) if (found.node && a.node === found.node) settingItems.add(a);
    const value = expand(found.text, vars);
    const parsed = listenAddress(setting, value.text, bind);
    if (parsed === 'list') {
      unsure ??= reason('address-list', { setting: found.origin });
      continue;
    }
    if (parsed === 'off') {
      if (setting.port !== undefined) moves.set(setting.port, 'off');
      continue;
    }
    if (!parsed || parsed.port === undefined) {
      unsure ??= reason('not-a-port', { setting: found.origin });
      continue;
    }
    const listener = { container, port: parsed.port, address: parsed.address, source: found.source, origin: found.origin, node: found.node ?? container.imageNode, defaultPort: setting.port, setting };
    if (setting.port !== undefined) moves.set(setting.port, listener);
    else added.push({ ...listener, protocol: setting.protocol ?? 'TCP' });
  }
  return { moves, added, ...(unsure ? { unsure } : {}) };
}
