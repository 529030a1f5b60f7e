/** probe-port-elsewhere: probe the container's own port, when it has exactly one. */
import { replaceWithSuggestion } from './replace-suggestion';

export const probePortElsewhereFixes = replaceWithSuggestion('own', (ctx, port) => ctx.t('fix.probe-port-elsewhere.own', { port: String(port) }));
