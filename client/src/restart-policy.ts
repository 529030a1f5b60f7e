/**
 * When the language server dies: restart it, up to `maxRestarts` times within `windowMs`, and
 * tell the user once. Pure (no `vscode`), so the decision logic is unit-tested in Node;
 * `language-client.ts` adapts it to vscode-languageclient's `ErrorHandler`.
 */

/** What to do after the connection closed. */
export type CloseDecision = { readonly restart: true } | { readonly restart: false; readonly message: string };

export interface RestartPolicyOptions {
  readonly maxRestarts?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
  /** Shows a window message; called at most once per policy. */
  readonly notify: (message: string) => void;
}

export class RestartPolicy {
  private readonly restarts: number[] = [];
  private notified = false;
  private readonly maxRestarts: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(private readonly options: RestartPolicyOptions) {
    this.maxRestarts = options.maxRestarts ?? 4;
    this.windowMs = options.windowMs ?? 3 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** A transport error: keep the connection (the close handler decides about restarts). */
  error(): 'continue' {
    return 'continue';
  }

  /** The server connection closed: restart unless it crashed too often recently. */
  closed(): CloseDecision {
    const now = this.now();
    while (this.restarts.length && now - (this.restarts[0] ?? 0) > this.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.maxRestarts) {
      const message = `The Podsight language server crashed ${this.maxRestarts + 1} times in ${Math.round(this.windowMs / 60_000)} minutes and will not be restarted. See the "Podsight" output channel.`;
      this.tell(message);
      return { restart: false, message };
    }
    this.restarts.push(now);
    this.tell('The Podsight language server stopped unexpectedly and was restarted. See the "Podsight" output channel.');
    return { restart: true };
  }

  private tell(message: string): void {
    if (this.notified) return;
    this.notified = true;
    this.options.notify(message);
  }
}
