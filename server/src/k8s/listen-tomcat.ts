/**
 * Tomcat's listeners: the `<Connector>` elements of conf/server.xml, when a ConfigMap is mounted
 * over that file (or over conf/). Each Connector (HTTP, AJP, TLS) binds its `port` on its
 * `address`; comments do not count. A `${property}` (filled in from system properties when
 * Tomcat starts), a DOCTYPE (its entities may add Connectors) or a Connector whose port cannot
 * be read makes the answer unsure. The shutdown port of `<Server>` is left out, as it is for
 * the image default (it listens on localhost only).
 */
import { fileAt, isFile } from './listen-config';
import { listensOf, type FileConfigResult, type RawListen, type ReadContext } from './listen-files';
import { directiveIn, reason } from './listen-reasons';
import { normaliseHost } from './listen-values';

const SERVER_XML = '/usr/local/tomcat/conf/server.xml';

/** The attributes of one tag: name → value. */
function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1] ?? '', m[2] ?? m[3] ?? '');
  return out;
}

export function readTomcat(ctx: ReadContext): FileConfigResult {
  const file = fileAt(ctx.pod, ctx.container, SERVER_XML, ctx.configMaps);
  if (file === undefined) return { kind: 'default' };
  if (!isFile(file)) return { kind: 'unsure', why: file };
  const text = file.text.replace(/<!--[\s\S]*?-->/g, '');
  const doctype = /<!DOCTYPE[^>[]*/i.exec(text);
  if (doctype) return { kind: 'unsure', why: directiveIn(doctype[0].trim(), file.key) };
  const raw: RawListen[] = [];
  for (const m of text.matchAll(/<Connector\b([^>]*)>/g)) {
    const attrs = attributes(m[1] ?? '');
    const port = attrs.get('port')?.trim() ?? '';
    const address = attrs.get('address')?.trim() ?? '';
    const directive = `<Connector port="${port}"${address ? ` address="${address}"` : ''}>`;
    if (!/^\d+$/.test(port) || address.includes('$')) return { kind: 'unsure', why: directiveIn(directive, file.key) };
    // Port 0: a free port the system picks, which clashes with nothing.
    if (Number(port) === 0) continue;
    raw.push({ port: Number(port), protocol: 'TCP', address: normaliseHost(address), directive });
  }
  if (raw.length === 0) return { kind: 'unsure', why: reason('tomcat-no-connector', { file: file.key }) };
  return { kind: 'listens', listens: listensOf(raw, file), files: [file.key], imageDefault: false };
}
