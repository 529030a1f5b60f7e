/**
 * Whether an Envoy sidecar forwards a probe to the probed container: the Envoy configuration it
 * reads (a bootstrap from a ConfigMap) has a listener on the probe's port whose route for the
 * probe's path goes to a cluster whose endpoints are on the pod's loopback, at a port that reaches
 * the container. With the app down Envoy answers 503, so the probe through it tests the app.
 * Only static configuration is read (no xDS, no `"*"`-less virtual hosts chosen by Host header).
 */
import { parse } from 'yaml';
import { isLoopback } from './listen-values';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The cluster a route table sends `path` to: the first route that matches (prefix, path, regex). */
function clusterFor(routeConfig: Json | undefined, path: string): string | undefined {
  const hosts = list(routeConfig?.virtual_hosts).map(obj);
  const host = hosts.find((h) => list(h?.domains).includes('*')) ?? (hosts.length === 1 ? hosts[0] : undefined);
  for (const route of list(host?.routes).map(obj)) {
    const match = obj(route?.match);
    const prefix = match?.prefix;
    const exact = match?.path;
    const regex = obj(match?.safe_regex)?.regex;
    let hit = false;
    if (typeof prefix === 'string') hit = path.startsWith(prefix);
    else if (typeof exact === 'string') hit = path === exact;
    else if (typeof regex === 'string') {
      try {
        hit = new RegExp(`^(?:${regex})$`).test(path);
      } catch {
        return undefined; // an RE2 form JavaScript does not read: unsure which route answers
      }
    }
    if (!hit) continue;
    const cluster = obj(route?.route)?.cluster;
    return typeof cluster === 'string' ? cluster : undefined; // a redirect or direct response: not forwarded
  }
  return undefined;
}

/** The loopback ports of a cluster's endpoints. */
function loopbackEndpoints(cluster: Json | undefined): number[] {
  const out: number[] = [];
  for (const group of list(obj(cluster?.load_assignment)?.endpoints).map(obj)) {
    for (const lb of list(group?.lb_endpoints).map(obj)) {
      const socket = obj(obj(obj(lb?.endpoint)?.address)?.socket_address);
      const address = socket?.address;
      const port = socket?.port_value;
      if (typeof address === 'string' && typeof port === 'number' && (isLoopback(address) || address === 'localhost')) out.push(port);
    }
  }
  return out;
}

export function envoyForwards(text: string, port: number, path: string, reaches: (port: number) => boolean): boolean {
  let config: Json | undefined;
  try {
    config = obj(parse(text));
  } catch {
    return false;
  }
  const resources = obj(config?.static_resources);
  const listener = list(resources?.listeners).map(obj).find((l) => obj(obj(l?.address)?.socket_address)?.port_value === port);
  if (!listener) return false;
  const managers = list(listener.filter_chains)
    .flatMap((chain) => list(obj(chain)?.filters))
    .map((f) => obj(obj(f)?.typed_config))
    .filter((c): c is Json => c !== undefined && obj(c.route_config) !== undefined);
  if (managers.length !== 1) return false;
  const name = clusterFor(obj(managers[0]?.route_config), path);
  if (name === undefined) return false;
  const cluster = list(resources?.clusters).map(obj).find((c) => c?.name === name);
  const ports = loopbackEndpoints(cluster);
  return ports.length > 0 && ports.every(reaches);
}
