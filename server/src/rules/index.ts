/** Every rule, in the order their findings are listed. One file per rule. */
import { deprecatedApiVersion } from './deprecated-api-version';
import { duplicateContainerName } from './duplicate-container-name';
import { removedApiVersion } from './removed-api-version';
import { duplicateMountPath } from './duplicate-mount-path';
import { duplicateVolumeName } from './duplicate-volume-name';
import { hostNetworkPortMismatch } from './host-network-port-mismatch';
import { hostPortConflict, hostPortConflictAcross } from './host-port-conflict';
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
import { portNotServed } from './port-not-served';
import { serviceTargetPort } from './service-target-port';
import { duplicateEnv } from './duplicate-env';
import { duplicatePortName } from './duplicate-port-name';
import { probePortElsewhere } from './probe-port-elsewhere';
import { selectorMismatch } from './selector-mismatch';
import { runAsNonRoot } from './run-as-non-root';
import { invalidImage } from './invalid-image';
import { undefinedEnvReference } from './undefined-env-reference';
import { danglingBackend } from './dangling-backend';
import { missingConfigKey } from './missing-config-key';
import { serviceSelectsNothing } from './service-selects-nothing';
import { hpaMissingRequest } from './hpa-missing-request';
import { serviceLinkEnv } from './service-link-env';
import { readOnlyRootFs } from './read-only-root-fs';
import { unsplitCommand } from './unsplit-command';
import { mountShadowsImageAcross } from './nginx-missing-include';
import type { FileRule, Rule } from './types';
import { unusedDisableDirective } from './unused-disable-directive';

export const rules: readonly Rule[] = [
  yamlSyntax,
  unknownField,
  invalidValue,
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
  selectorMismatch,
  runAsNonRoot,
  unsplitCommand,
  invalidImage,
  duplicateEnv,
  undefinedEnvReference,
  removedApiVersion,
  deprecatedApiVersion,
];

/** Rules that look across the documents of a file (and its folder); they run after the chunk rules. */
// The port rules read the effective listeners, which may come from a ConfigMap in another document.
export const fileRules: readonly FileRule[] = [portConflict, implicitPortConflict, portNotServed, probePortElsewhere, serviceTargetPort, serviceSelectsNothing, danglingBackend, missingConfigKey, serviceLinkEnv, mountShadowsImageAcross, readOnlyRootFs, hostPortConflictAcross, duplicatePortName, hpaMissingRequest];

/** Rule ids with their default severities, including the file-level ones. */
export function ruleCatalogue(): { id: string; severity: string }[] {
  return [
    ...rules.map((r) => ({ id: r.id, severity: r.defaultSeverity })),
    // A rule with a chunk part and a file part (host-port-conflict) is listed once.
    ...fileRules.filter((r) => !rules.some((c) => c.id === r.id)).map((r) => ({ id: r.id, severity: r.defaultSeverity })),
    { id: 'templated-file', severity: 'information' },
    { id: unusedDisableDirective.id, severity: unusedDisableDirective.defaultSeverity },
    // Raised by the kustomize render (server/src/kustomize), not by a rule over one file.
    { id: 'kustomize-build', severity: 'error' },
  ];
}
