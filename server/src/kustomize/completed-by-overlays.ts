/**
 * Findings about what a pod lacks or how its parts meet, which an overlay's patches and
 * transformers can change: a patch adds the volume a base's container mounts or the port its
 * probe names, an `images:` entry swaps the image whose listeners and directories were assumed,
 * `labels` make a selector match. For a file that a successful render of its overlays covers,
 * the render decides these (and reports them on the file's lines, naming the overlay, when the
 * overlay does not complete them), as `podsight check` does over the repository. Findings about
 * the text itself (syntax, unknown fields, values, names, duplicates in one list) stay the
 * file's own: they show while typing, before the next render.
 */
const COMPLETED_BY_OVERLAYS: ReadonlySet<string> = new Set([
  'undefined-volume',
  'unused-volume',
  'unknown-port-name',
  'probe-port-elsewhere',
  'port-not-served',
  'port-conflict',
  'implicit-port-conflict',
  'host-port-conflict',
  'host-network-port-mismatch',
  'mount-shadows-image',
  'nested-mount-path',
  'undefined-env-reference',
  'missing-config-key',
  'service-target-port',
  'service-selects-nothing',
  'selector-mismatch',
  'dangling-backend',
  'run-as-non-root',
  'invalid-image',
  'hpa-missing-request',
]);

/** True when a render of the file's overlays decides this rule's findings for the file. */
export const overlaysDecide = (rule: string): boolean => COMPLETED_BY_OVERLAYS.has(rule);
