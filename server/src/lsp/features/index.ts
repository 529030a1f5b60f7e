/** Language features beyond diagnostics, each in its own file, listed here explicitly. */
import type { InitializeParams, ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { renameFeature } from './rename';
import { codeActionsFeature } from './code-actions';
import { hoverFeature } from './hover';

/** One language feature: the capabilities it announces and the handlers it registers. */
export interface Feature {
  capabilities?(params: InitializeParams): Partial<ServerCapabilities>;
  register(ctx: ServerContext): void;
}

export const features: readonly Feature[] = [renameFeature, codeActionsFeature, hoverFeature];
