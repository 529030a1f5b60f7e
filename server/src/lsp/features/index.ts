/** Language features beyond diagnostics, each in its own file, listed here explicitly. */
import type { InitializeParams, ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { podGraphFeature } from './pod-graph';
import { renameFeature } from './rename';
import { codeActionsFeature } from './code-actions';
import { codeLensFeature } from './code-lens';
import { completionFeature } from './completion';
import { navigationFeature } from './navigation';
import { symbolsFeature } from './symbols';
import { hoverFeature } from './hover';

/** One language feature: the capabilities it announces and the handlers it registers. */
export interface Feature {
  capabilities?(params: InitializeParams): Partial<ServerCapabilities>;
  register(ctx: ServerContext): void;
}

export const features: readonly Feature[] = [
  renameFeature,
  codeActionsFeature,
  podGraphFeature,
  hoverFeature,
  completionFeature,
  navigationFeature,
  symbolsFeature,
  codeLensFeature,
];
