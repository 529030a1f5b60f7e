/** Searches in sorted arrays. */

/** The first index of `sorted` (ascending) whose item is not less than `value`; `sorted.length` when there is none. */
export function firstNotBelow<T extends number | string>(sorted: ArrayLike<T>, value: T): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as T) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
