/**
 * The field path of the node schema validation is visiting, kept as a stack (keys; indexes and
 * map keys in brackets) below a fixed base. A path string per visited node was a tenth of what
 * an analysis allocated, and only problems need one, so the string is made on demand (pathOf).
 */

/** The stack; validation's context carries one and pushes/pops as it walks. */
export interface FieldPath {
  /** The path of the validated part itself (an embedded pod's `spec.template.spec`), or ''. */
  readonly base: string;
  readonly segments: (string | number)[];
  /** Per segment: written `[segment]` (an index or a map key) rather than `.segment` (a field). */
  readonly bracketed: boolean[];
}

/** Steps into `segment` (a field name, or with `bracketed` an index or map key). */
export function enter(path: FieldPath, segment: string | number, bracketed: boolean): void {
  path.segments.push(segment);
  path.bracketed.push(bracketed);
}

/** Steps back out of the last `enter`. */
export function leave(path: FieldPath): void {
  path.segments.pop();
  path.bracketed.pop();
}

/** The Kubernetes field path of the node being visited, e.g. `spec.volumes[0].hostPath.Path`. */
export function pathOf(path: FieldPath): string {
  let text = path.base;
  path.segments.forEach((segment, i) => {
    text = path.bracketed[i] ? `${text}[${segment}]` : text ? `${text}.${segment}` : String(segment);
  });
  return text;
}
