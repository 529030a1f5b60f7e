/** English messages for rename. */
export const renameEn = {
  'rename.not-here': 'Podsight can rename a container port name (from its declaration or a probe that uses it) or a volume name (from the volume or a mount).',
  'rename.invalid-port-name': '"{name}" is not a valid port name: {reason}.',
  'rename.invalid-volume-name': '"{name}" is not a valid volume name: {reason}.',
};
