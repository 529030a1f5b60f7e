/**
 * The editor's overlay renders, without the editor: opening a file that an overlay uses renders
 * that overlay at once, an edit renders it after a pause, and each overlay has at most one render
 * in flight (a newer request aborts it and runs when it has stopped). Unsaved texts go into the
 * temporary copy. Results are kept per overlay and merged per source file.
 */
import { basename, relative, resolve } from 'node:path';
import type { Locale } from '../l10n';
import type { AnalysisOptions } from '../rules/types';
import { checkOverlay, type OverlayCheck } from './check-overlay';
import { kustomizeCommand } from './command';
import { KUSTOMIZATION_NAMES, readFromDisk } from './kustomization';
import { mergeOverlays, type SourceFinding } from './map-findings';
import { outermostOverlays, type Overlay } from './workspace-overlays';

/** What the service needs from the server (kept free of the connection, for tests). */
export interface OverlayHost {
  /** Workspace folder paths. */
  roots(): readonly string[];
  /** Texts of the open documents, by absolute path. */
  openTexts(): ReadonlyMap<string, string>;
  /** Settings for rendering an overlay folder. */
  settings(dir: string): Promise<{ readonly command?: string; readonly enable?: boolean; readonly analysis: AnalysisOptions }>;
  /** Rendering only in trusted workspaces. */
  trusted(): boolean;
  /** The rendered findings of these files changed. */
  changed(files: ReadonlySet<string>): void;
  /** No kustomize was found (called once). */
  missing(): void;
  log(message: string): void;
  locale(): Locale;
}

interface OverlayState {
  timer?: ReturnType<typeof setTimeout>;
  controller?: AbortController;
  again: boolean;
  check?: OverlayCheck;
  /** The files the overlay read at its latest render. */
  files?: ReadonlySet<string>;
  /** Bumped by each finished render (tests and the diagram read it). */
  generation: number;
  /** Settles when the render under way has finished. */
  done?: Promise<void>;
}

export const EDIT_DEBOUNCE_MS = 400;

export class OverlayService {
  private overlays?: Overlay[];
  private readonly states = new Map<string, OverlayState>();
  private warned = false;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: OverlayHost,
    private readonly debounceMs = EDIT_DEBOUNCE_MS,
  ) {}

  /** The outermost overlays of the workspace (found once, again after a kustomization changed). */
  private all(): Overlay[] {
    if (!this.overlays) {
      const open = this.host.openTexts();
      this.overlays = outermostOverlays(this.host.roots(), (f) => open.get(f) ?? readFromDisk(f));
    }
    return this.overlays;
  }

  /** The overlays whose render reads `file`. */
  overlaysUsing(file: string): Overlay[] {
    const path = resolve(file);
    return this.all().filter((o) => o.files.has(path));
  }

  /**
   * A file was opened (render now) or edited (render after a pause). Even finding the overlays
   * waits for the pause, so a keystroke costs a timer and nothing more.
   */
  touched(file: string, edited: boolean): void {
    if (!this.host.trusted()) return;
    clearTimeout(this.pending.get(file));
    // On open too the walk for overlays waits a turn: the file's own diagnostics go first.
    this.pending.set(
      file,
      setTimeout(() => {
        this.pending.delete(file);
        this.renderUsing(file);
      }, edited ? this.debounceMs : 0),
    );
  }

  private renderUsing(file: string): void {
    if (KUSTOMIZATION_NAMES.includes(basename(file))) this.overlays = undefined;
    for (const overlay of this.overlaysUsing(file)) this.schedule(overlay.dir, 0);
  }

  /** Forget what was found (workspace folders or settings changed). */
  invalidate(): void {
    this.overlays = undefined;
  }

  private state(dir: string): OverlayState {
    let s = this.states.get(dir);
    if (!s) {
      s = { again: false, generation: 0 };
      this.states.set(dir, s);
    }
    return s;
  }

  private schedule(dir: string, delay: number): void {
    const s = this.state(dir);
    clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      s.timer = undefined;
      void this.run(dir);
    }, delay);
  }

  private label(dir: string): string {
    const root = this.host.roots().find((r) => !relative(r, dir).startsWith('..'));
    return root ? relative(root, dir).split('\\').join('/') || basename(dir) : basename(dir);
  }

  private async run(dir: string): Promise<void> {
    const s = this.state(dir);
    if (s.controller) {
      // One render per overlay: stop the one under way; this request runs when it has stopped.
      s.again = true;
      s.controller.abort();
      return;
    }
    const controller = new AbortController();
    s.controller = controller;
    let finished = (): void => undefined;
    s.done = new Promise<void>((resolve) => (finished = resolve));
    try {
      const settings = await this.host.settings(dir);
      if (settings.enable === false) return;
      const command = kustomizeCommand(settings.command);
      if (!command) {
        if (!this.warned) this.host.missing();
        this.warned = true;
        return;
      }
      const label = this.label(dir);
      const check = await checkOverlay(dir, {
        command,
        analysis: settings.analysis,
        overrides: this.host.openTexts(),
        signal: controller.signal,
        label,
        onRuleError: (rule, e) => this.host.log(`Podsight rule ${rule} failed on the render of ${label}: ${String(e)}`),
      });
      if (!check || controller.signal.aborted) return;
      const files = new Set([...(s.check?.findings ?? []), ...check.findings].map((f) => f.file));
      // Rendered or not any more: what the files it reads show of their own changes (see covers).
      const reads = this.overlays?.find((o) => o.dir === dir)?.files ?? s.files;
      if (!s.check?.rendered !== !check.rendered) [...(s.files ?? []), ...(reads ?? [])].forEach((f) => files.add(f));
      s.files = reads;
      s.check = check;
      s.generation++;
      this.host.changed(files);
    } catch (e) {
      this.host.log(`Podsight could not render ${dir}: ${String(e)}`);
    } finally {
      s.controller = undefined;
      finished();
      if (s.again) {
        s.again = false;
        void this.run(dir);
      }
    }
  }

  /** The rendered findings placed in `file`, each overlay's once, merged across overlays. */
  findingsFor(file: string): SourceFinding[] {
    const path = resolve(file);
    const lists = [...this.states.values()].map((s) => (s.check?.findings ?? []).filter((f) => f.file === path));
    return mergeOverlays(lists, this.host.locale());
  }

  /** True when the latest render of an overlay that reads `file` succeeded: its rendered findings stand for the file's own (completed-by-overlays.ts). */
  covers(file: string): boolean {
    const path = resolve(file);
    for (const s of this.states.values()) if (s.check?.rendered && s.files?.has(path)) return true;
    return false;
  }

  /** The latest render of an overlay (for the diagram). */
  rendered(dir: string): OverlayCheck | undefined {
    return this.states.get(resolve(dir))?.check;
  }

  /** The latest render, rendering now when there is none yet (the diagram asks for one). */
  async renderedNow(dir: string): Promise<OverlayCheck | undefined> {
    const s = this.state(resolve(dir));
    if (s.controller) await s.done;
    if (!s.check && this.host.trusted()) await this.run(resolve(dir));
    return s.check;
  }

  /** How many renders of the overlay finished (0: none yet). */
  generationOf(dir: string): number {
    return this.states.get(resolve(dir))?.generation ?? 0;
  }

  /** Each overlay's label, for a picker. */
  labelOf(dir: string): string {
    return this.label(dir);
  }

  /** Stops timers and renders (server shutdown, tests). */
  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const s of this.states.values()) {
      clearTimeout(s.timer);
      s.controller?.abort();
    }
  }
}
