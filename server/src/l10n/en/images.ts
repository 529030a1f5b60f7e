/** English validation messages for user image knowledge (`podsight.images`, `.podsight.yaml`). */
export const imagesEn = {
  'images.a-list': 'a list',
  'images.an-object': 'an object',
  'images.ports-list': '{at}: expected a list of port numbers or { port, protocol } objects, got {got}',
  'images.port-field': '{at}: unknown field "{field}" (expected port, protocol)',
  'images.protocol': '{at}: expected TCP, UDP or SCTP, got {got}',
  'images.port-number': '{at}: expected a port number between 1 and 65535, got {got}',
  'images.dirs-list': '{at}: expected a list of absolute paths, got {got}',
  'images.dir': '{at}: expected an absolute path, got {got}',
  'images.root': 'images: expected an object keyed by image repository (e.g. { "nginx": { "ports": [8080] } }), got {got}',
  'images.bad-key': '{at}: not an image repository (expected e.g. "nginx", "grafana/grafana" or "registry.example.com/team/app"; lowercase)',
  'images.tag-ignored': '{at}: the tag or digest is ignored; the entry applies to every tag of "{repository}"',
  'images.entry': '{at}: expected an object with ports, populatedDirs and/or dataDirs, got {got}',
  'images.entry-field': '{at}: unknown field "{field}" (expected ports, populatedDirs, dataDirs)',
  'images.duplicate': '{at}: another key also names "{repository}"; its fields are merged, this one wins',
} as const;
