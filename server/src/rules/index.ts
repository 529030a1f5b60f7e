/** Every rule, in the order their findings are listed. One file per rule. */
import { duplicateContainerName } from './duplicate-container-name';
import { duplicateMountPath } from './duplicate-mount-path';
import { duplicateVolumeName } from './duplicate-volume-name';
import { hostNetworkPortMismatch } from './host-network-port-mismatch';
import { hostPortConflict } from './host-port-conflict';
import { implicitPortConflict } from './implicit-port-conflict';
import { invalidName } from './invalid-name';
import { invalidPort } from './invalid-port';
import { invalidValue } from './invalid-value';
import { mountShadowsImage } from './mount-shadows-image';
import { nestedMountPath } from './nested-mount-path';
import { undefinedVolume } from './undefined-volume';
import { unknownField } from './unknown-field';
import { unknownPortName } from './unknown-port-name';
import { unusedVolume } from './unused-volume';
import { yamlSyntax } from './yaml-syntax';
import { portConflict } from './port-conflict';
import type { Rule } from './types';

export const rules: readonly Rule[] = [
  yamlSyntax,
  unknownField,
  invalidValue,
  portConflict,
  implicitPortConflict,
  hostPortConflict,
  hostNetworkPortMismatch,
  invalidPort,
  unknownPortName,
  mountShadowsImage,
  nestedMountPath,
  duplicateMountPath,
  undefinedVolume,
  unusedVolume,
  duplicateVolumeName,
  duplicateContainerName,
  invalidName,
];

/** Rule ids with their default severities, including the file-level `templated-file`. */
export function ruleCatalogue(): { id: string; severity: string }[] {
  return [...rules.map((r) => ({ id: r.id, severity: r.defaultSeverity })), { id: 'templated-file', severity: 'information' }];
}
