/** dangling-backend: point the backend at the Service's own port (or the close Service name). */
import { replaceWithSuggestion } from './replace-suggestion';

export const danglingBackendFixes = replaceWithSuggestion();
