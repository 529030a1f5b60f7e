/**
 * Fields the API server's defaulting fills in when they are empty, before validating them
 * (pkg/apis/core/v1/defaults.go, apps/v1, batch/v1): `imagePullPolicy: ""` (kompose writes it)
 * is accepted as if it were not written. Other enums keep "" as a value, and reject it.
 */
export const DEFAULTED_WHEN_EMPTY = new RegExp(
  [
    String.raw`(?:containers|initContainers|ephemeralContainers)\[\d+\]\.(?:imagePullPolicy|terminationMessagePolicy|ports\[\d+\]\.protocol)$`,
    String.raw`(?:^|\.)spec\.(?:restartPolicy|dnsPolicy|strategy\.type|updateStrategy\.type|podManagementPolicy|concurrencyPolicy)$`,
    String.raw`^spec\.(?:type|sessionAffinity|externalTrafficPolicy|internalTrafficPolicy|ports\[\d+\]\.protocol)$`,
    // A PV's reclaim policy is defaulted to Retain; a StorageClass's is validated only when not empty.
    String.raw`^spec\.persistentVolumeReclaimPolicy$|^reclaimPolicy$`,
  ].join('|'),
);
