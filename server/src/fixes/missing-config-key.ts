/** missing-config-key: read the key the ConfigMap or Secret has that is closest to the one named. */
import { replaceWithSuggestion } from './replace-suggestion';

export const missingConfigKeyFixes = replaceWithSuggestion();
