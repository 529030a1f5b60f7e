/**
 * Progress of a long `check` on a terminal: files done, files per second and the time left, on
 * one stderr line that is rewritten in place and cleared at the end. Nothing when stderr is not a
 * terminal (CI logs, pipes), and nothing for runs that end within a second.
 */
import { t, type Locale } from '../l10n';

const SHOW_AFTER_MS = 1000;
const EVERY_MS = 200;

export class Progress {
  private done = 0;
  private lastDraw = 0;
  private drawn = false;
  private readonly started = Date.now();

  private constructor(
    private total: number,
    private readonly locale: Locale,
    private readonly write: (s: string) => void,
    private readonly timing: { readonly showAfterMs: number; readonly everyMs: number },
  ) {}

  /** A progress line for `total` files, or undefined when the stream (stderr) is not a terminal. */
  static start(total: number, locale: Locale, stream: { isTTY?: boolean; write(s: string): unknown } = process.stderr, timing = { showAfterMs: SHOW_AFTER_MS, everyMs: EVERY_MS }): Progress | undefined {
    return stream.isTTY === true && total > 1 ? new Progress(total, locale, (s) => void stream.write(s), timing) : undefined;
  }

  advance(files: number): void {
    this.done += files;
    const now = Date.now();
    if (now - this.started < this.timing.showAfterMs || now - this.lastDraw < this.timing.everyMs) return;
    this.lastDraw = now;
    const seconds = Math.max(now - this.started, 1) / 1000;
    const rate = this.done / seconds;
    const eta = rate > 0 ? Math.ceil((this.total - this.done) / rate) : 0;
    this.write(`\r\u001b[K${t(this.locale, 'cli.progress', { done: this.done, total: this.total, rate: Math.round(rate), eta })}`);
    this.drawn = true;
  }

  /** Files that turned out not to be checked one by one (a kustomize render covers them). */
  leaveOut(files: number): void {
    this.total -= files;
  }

  end(): void {
    if (this.drawn) this.write('\r\u001b[K');
  }
}
