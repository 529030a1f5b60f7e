/**
 * A connection whose handlers cannot take the server down: every handler registered through it
 * (`onHover`, `onRequest`, `languages.*.on...`, notifications) runs inside a try/catch; a failure
 * is logged to the output channel and answered with an empty result (null), never a dead server.
 * A `ResponseError` a handler throws on purpose (a refused rename) still reaches the client.
 * Features get this connection from `ServerContext`, so a new feature is defensive by default.
 */
import { ResponseError, type Connection } from 'vscode-languageserver';

/** Sub-objects of the connection whose `on*` methods register handlers too. */
const NESTED = new Set(['languages', 'workspace', 'window', 'semanticTokens', 'inlayHint', 'inlineValue', 'diagnostics', 'callHierarchy', 'typeHierarchy', 'moniker', 'foldingRange', 'notebooks', 'synchronization']);

type Log = (message: string) => void;

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Wraps a handler: sync throws and async rejections become a log line and a null result. */
export function guardHandler<A extends unknown[], R>(name: string, handler: (...args: A) => R, log: Log): (...args: A) => R | null {
  return (...args: A) => {
    try {
      const result = handler(...args);
      if (result && typeof (result as { then?: unknown }).then === 'function') {
        return (result as unknown as Promise<unknown>).catch((error: unknown) => {
          if (error instanceof ResponseError) throw error; // a deliberate error reply
          log(`Podsight: ${name} failed: ${describe(error)}`);
          return null;
        }) as R;
      }
      return result;
    } catch (error) {
      if (error instanceof ResponseError) throw error; // a deliberate error reply (e.g. a refused rename)
      log(`Podsight: ${name} failed: ${describe(error)}`);
      return null;
    }
  };
}

function guardObject<T extends object>(target: T, path: string, log: Log): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      const name = typeof prop === 'string' ? prop : '';
      if (typeof value === 'function' && name.startsWith('on')) {
        return (...args: unknown[]) =>
          (value as (...a: unknown[]) => unknown).apply(
            obj,
            args.map((arg, i) => (typeof arg === 'function' ? guardHandler(`${path}${name}${typeof args[0] === 'string' && i > 0 ? `(${args[0]})` : ''}`, arg as (...a: unknown[]) => unknown, log) : arg)),
          );
      }
      if (typeof value === 'function') return (value as (...a: unknown[]) => unknown).bind(obj);
      if (value && typeof value === 'object' && NESTED.has(name)) return guardObject(value, `${path}${name}.`, log);
      return value;
    },
  });
}

/** The connection with every handler registration guarded. */
export function guardConnection(connection: Connection): Connection {
  return guardObject(connection, '', (message) => connection.console.error(message));
}
