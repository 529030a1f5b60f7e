/**
 * How the controller of an Ingress matches a backend port with the Service's ports. Controllers
 * differ: ingress-nginx takes a Service port whose number, targetPort or name equals the backend
 * port (internal/ingress/controller/controller.go, serviceEndpoints), and for an ExternalName
 * Service uses the backend port as it is (externalNamePorts); Traefik, the AWS Load Balancer
 * Controller, GCE, Kong, Istio and NGINX Inc.'s controller match the Service port's number or
 * name only. Which controller serves an Ingress is read from its class: `spec.ingressClassName`
 * or the `kubernetes.io/ingress.class` annotation, looked up among the workspace's IngressClasses
 * (their `spec.controller`), else known by its usual name. No class (the cluster's default may be
 * ingress-nginx's) or a class we cannot place is treated as the lenient one: nothing is reported
 * that some controller would serve.
 */
import type { Document } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getMap, getNode, getString } from '../core/yaml-access';
import type { IndexedObject } from './neighbourhood-parts';
import type { K8sObject } from './workloads';

export interface PortMatching {
  /** A backend port may name a Service port's targetPort (number or name). */
  readonly targetPort: boolean;
  /** For an ExternalName Service, any backend port number is used as it is. */
  readonly externalNameAnyPort: boolean;
}

/** Only the Service port's number or name: Gateway API routes and most ingress controllers. */
export const SERVICE_PORT_ONLY: PortMatching = { targetPort: false, externalNameAnyPort: false };
/** ingress-nginx, or a controller we do not know. */
const LENIENT: PortMatching = { targetPort: true, externalNameAnyPort: true };
/** NGINX Inc.'s controller: the Service port only, but an ExternalName Service's port as written (NGINX Plus). */
const NGINX_INC: PortMatching = { targetPort: false, externalNameAnyPort: true };

const BY_CONTROLLER: Readonly<Record<string, PortMatching>> = {
  'k8s.io/ingress-nginx': LENIENT,
  'nginx.org/ingress-controller': NGINX_INC,
  'traefik.io/ingress-controller': SERVICE_PORT_ONLY,
  'ingress.k8s.aws/alb': SERVICE_PORT_ONLY,
  'ingress-controllers.konghq.com/kong': SERVICE_PORT_ONLY,
  'istio.io/ingress-controller': SERVICE_PORT_ONLY,
};

/** The classes these controllers install under by default, when no IngressClass of that name is in the workspace. */
const BY_CLASS_NAME: Readonly<Record<string, PortMatching>> = {
  traefik: SERVICE_PORT_ONLY,
  alb: SERVICE_PORT_ONLY,
  gce: SERVICE_PORT_ONLY,
  'gce-internal': SERVICE_PORT_ONLY,
  kong: SERVICE_PORT_ONLY,
  istio: SERVICE_PORT_ONLY,
};

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
const DEFAULT_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** The class an Ingress names: a string, `null` when a template or placeholder writes it, undefined when it names none. */
function classOf(object: K8sObject, doc: Document): string | null | undefined {
  const spec = getMap(object.node, 'spec', doc);
  const annotations = getMap(getMap(object.node, 'metadata', doc), 'annotations', doc);
  for (const [map, key] of [[spec, 'ingressClassName'], [annotations, CLASS_ANNOTATION]] as const) {
    const node = getNode(map, key, doc);
    if (node === undefined) continue;
    if (isUnknownValue(node)) return null;
    const value = getString(map, key, doc);
    if (value) return value;
  }
  return undefined;
}

function controllerMatching(ingressClass: IndexedObject): PortMatching {
  const controller = getString(getMap(ingressClass.object.node, 'spec', ingressClass.doc), 'controller', ingressClass.doc);
  return (controller && BY_CONTROLLER[controller]) || LENIENT;
}

/** The lenient one of several possible controllers: the finding must hold for every one of them. */
function leastStrict(all: readonly PortMatching[]): PortMatching {
  if (all.length === 0) return LENIENT;
  return { targetPort: all.some((m) => m.targetPort), externalNameAnyPort: all.some((m) => m.externalNameAnyPort) };
}

/** How the controller of `ingress` matches backend ports; `classes`: the IngressClasses of the workspace. */
export function ingressPortMatching(ingress: K8sObject, doc: Document, classes: readonly IndexedObject[]): PortMatching {
  const name = classOf(ingress, doc);
  if (name === null) return LENIENT;
  if (name === undefined) {
    // The API server gives a new Ingress the default class; with none known, it may be ingress-nginx.
    const defaults = classes.filter((c) => getString(getMap(getMap(c.object.node, 'metadata', c.doc), 'annotations', c.doc), DEFAULT_ANNOTATION, c.doc) === 'true');
    return leastStrict(defaults.map(controllerMatching));
  }
  const named = classes.filter((c) => c.object.name === name);
  if (named.length > 0) return leastStrict(named.map(controllerMatching));
  return BY_CLASS_NAME[name] ?? LENIENT;
}
