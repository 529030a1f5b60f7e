/**
 * Objects that install a Helm chart (Flux `HelmRelease`, Argo CD `Application`, k3s `HelmChart`)
 * make pods no file shows. Charts label them `app.kubernetes.io/instance: <release name>` (the
 * label `helm create` and the common libraries, bjw-s app-template among them, put on every
 * pod), so a Service selecting that label near such an object selects those pods.
 */
import type { Document } from 'yaml';
import { getMap, getString } from '../core/yaml-access';
import type { K8sObject } from './workloads';

const INSTANCE = 'app.kubernetes.io/instance';

/** A release an object installs: its name(s) and namespace. */
export interface Release {
  readonly names: readonly string[];
  /** '' when the object does not say (the object's own namespace is used then). */
  readonly namespace: string;
}

/** The release an object installs, or undefined when it installs none. */
export function releaseOf(object: K8sObject, doc: Document): Release | undefined {
  const group = object.apiVersion?.split('/')[0] ?? '';
  const spec = getMap(object.node, 'spec', doc);
  const name = object.name;
  if (name === undefined) return undefined;
  if (object.kind === 'HelmRelease' && group.endsWith('fluxcd.io')) {
    // Flux names the release `[targetNamespace-]name` unless releaseName says otherwise.
    const target = getString(spec, 'targetNamespace', doc) ?? '';
    const releaseName = getString(spec, 'releaseName', doc);
    return { names: releaseName ? [releaseName] : target ? [`${target}-${name}`, name] : [name], namespace: target };
  }
  if (object.kind === 'Application' && group === 'argoproj.io') {
    const helm = getMap(getMap(spec, 'source', doc), 'helm', doc);
    const destination = getMap(spec, 'destination', doc);
    return { names: [getString(helm, 'releaseName', doc) ?? name], namespace: getString(destination, 'namespace', doc) ?? '' };
  }
  if (object.kind === 'HelmChart' && group === 'helm.cattle.io') return { names: [name], namespace: getString(spec, 'targetNamespace', doc) ?? '' };
  return undefined;
}

/** The labels the release's pods carry for sure. */
export function releaseLabelSets(release: Release): Readonly<Record<string, string>>[] {
  return release.names.map((n) => ({ [INSTANCE]: n }));
}
