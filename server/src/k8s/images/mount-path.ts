/** Mount paths as the image knowledge compares them. */
import { normaliseMountPath as normaliseAbsolute } from '../names';

/** A normalised absolute container path (see `names.ts`), or undefined for a relative one. */
export function normaliseMountPath(path: string): string | undefined {
  return typeof path === 'string' && path.startsWith('/') ? normaliseAbsolute(path) : undefined;
}
