/**
 * Diagnostics publishes written as JSON the server already holds. vscode-jsonrpc serialises every
 * message with one `JSON.stringify`: at 5,000 documents that is 1.6 MB, ~50 ms per keystroke, for
 * diagnostics that mostly did not change. On the stdio transport the server's writer gets an
 * encoder that splices the prepared JSON (see diagnostics-cache.ts) into the message instead.
 * Other transports (VS Code's node IPC serialises inside `process.send`) get plain objects.
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { StreamMessageWriter, type Message } from 'vscode-languageserver/node';
import type { PreparedDiagnostics } from './diagnostics-cache';

/** Publish params whose diagnostics the encoder writes from JSON, by the params object. */
const prepared = new WeakMap<object, { json(): string; objects(): Diagnostic[]; message(head: string, tail: string): Buffer }>();
let encoderInstalled = false;

const TAIL = '"diagnostics":0}}';

export const rawJsonEncoder = {
  name: 'application/json',
  encode(msg: Message, options: { charset: BufferEncoding }): Promise<Uint8Array> {
    const params = (msg as { params?: unknown }).params;
    const diagnostics = params !== null && typeof params === 'object' ? prepared.get(params) : undefined;
    if (diagnostics) {
      // The params were made below with `diagnostics` last, and a message ends with its params.
      const head = JSON.stringify({ ...msg, params: { ...(params as object), diagnostics: 0 } });
      if (head.endsWith(TAIL) && options.charset === 'utf-8') return Promise.resolve(diagnostics.message(`${head.slice(0, -TAIL.length)}"diagnostics":`, '}}'));
      return Promise.resolve(Buffer.from(JSON.stringify({ ...msg, params: { ...(params as object), diagnostics: diagnostics.objects() } }), options.charset));
    }
    return Promise.resolve(Buffer.from(JSON.stringify(msg, undefined, 0), options.charset));
  },
};

/** The writer for the stdio transport: publishes made by `publishParams` go out as prepared JSON. */
export function rawJsonWriter(output: NodeJS.WritableStream): StreamMessageWriter {
  encoderInstalled = true;
  return new StreamMessageWriter(output, { charset: 'utf-8', contentTypeEncoder: rawJsonEncoder });
}

/**
 * Whether publishes can go out as prepared JSON (the stdio transport). Otherwise the server
 * converts findings as they come and keeps nothing: the transport serialises objects anyway.
 */
export function preparedJsonEnabled(): boolean {
  return encoderInstalled;
}

/** The params of a publish, its diagnostics written by the encoder from prepared JSON. */
export function publishParams(uri: string, version: number, diagnostics: PreparedDiagnostics, extra: readonly Diagnostic[]): PublishDiagnosticsParams {
  if (!encoderInstalled) return { uri, version, diagnostics: [...diagnostics.objects(), ...extra] };
  const params: PublishDiagnosticsParams = { uri, version, diagnostics: [] };
  prepared.set(params, {
    json: () => {
      const own = diagnostics.json();
      if (extra.length === 0) return own;
      const more = JSON.stringify(extra).slice(1);
      return diagnostics.count === 0 ? `[${more}` : `${own.slice(0, -1)},${more}`;
    },
    objects: () => [...diagnostics.objects(), ...extra],
    message: (head, tail) => diagnostics.message(head, extra.map((d) => JSON.stringify(d)), tail),
  });
  return params;
}
