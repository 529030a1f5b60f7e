/**
 * How a port row reads: the effective listener (bind address, what set it) or a declaration that
 * nothing serves. The row's label is short; its tooltip says the rest in a sentence.
 */
import type { DiagramStrings, GraphPort } from '../../protocol/pod-graph';
import { str } from './layout-types';

/** `127.0.0.1:9101` for a listener bound to one address, else the bare number. */
function endpoint(p: GraphPort): string {
  if (p.port === undefined) return '';
  if (!p.address) return String(p.port);
  return p.address.includes(':') ? `[${p.address}]:${p.port}` : `${p.address}:${p.port}`;
}

/** The setting's name without its value: `--web.listen-address`, `GF_SERVER_HTTP_PORT`, `listen`. */
export function shortOrigin(origin: string): string {
  const directive = /^(listen|port|bind)\b/.exec(origin);
  if (directive) return directive[1]!;
  return origin.split(/[= ]/)[0] ?? origin;
}

export function portText(strings: DiagramStrings, p: GraphPort): string {
  const parts = [p.port !== undefined ? `${endpoint(p)}/${p.protocol}` : str(strings, 'port.noNumber')];
  if (p.name) parts.push(p.name);
  if (p.hostPort !== undefined) parts.push(str(strings, 'port.host', { port: p.hostPort }));
  if (p.unserved) parts.push(str(strings, 'port.unserved'));
  else if (p.origin) parts.push(str(strings, 'port.set-by', { origin: shortOrigin(p.origin) }));
  else if (p.implied) parts.push(str(strings, 'port.implied'));
  return parts.join('  ');
}

/** The sentences a port row's tooltip adds to its label. */
export function portTip(strings: DiagramStrings, p: GraphPort): string | undefined {
  const out: string[] = [];
  if (p.unserved) out.push(str(strings, 'tip.unserved', { port: p.port ?? '' }));
  if (p.origin) out.push(str(strings, 'tip.set-by', { origin: p.origin }));
  if (p.address) out.push(str(strings, p.address.startsWith('127.') || p.address === '::1' ? 'tip.loopback' : 'tip.address', { address: p.address }));
  return out.length ? out.join('\n') : undefined;
}
