/** Closest-match suggestions for typos (keys, volume names, port names, enum values). */

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

const MAX_WORD = 256;

/**
 * The candidate closest to `word`, or undefined when nothing is close enough.
 * A case-only difference always wins (`Path` → `path`, `tcp` → `TCP`), because the
 * Kubernetes decoders are case-sensitive and that is the most common slip.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  // The distance is quadratic in the lengths: a typo is short, a megabyte-long key is not one.
  if (word.length > MAX_WORD) return undefined;
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(Math.max(word.length, 3) / 3));
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    // The distance is at least the difference in length: skip what cannot be close enough.
    if (Math.abs(candidate.length - word.length) > limit || candidate.length > MAX_WORD) continue;
    const score = editDistance(lower, candidate.toLowerCase());
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return bestScore <= limit ? best : undefined;
}
