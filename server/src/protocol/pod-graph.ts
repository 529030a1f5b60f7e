/**
 * The pod graph: what the diagram draws, computed by the language server from the analysis and
 * sent to any client (the VS Code webview, the CLI, other editors). Plain JSON, no classes, so it
 * crosses JSON-RPC and `postMessage` unchanged. Every element carries the LSP range of its YAML.
 */

/** A zero-based LSP position (UTF-16 characters). */
export interface GraphPosition {
  readonly line: number;
  readonly character: number;
}

/** An LSP range (end exclusive). */
export interface GraphRange {
  readonly start: GraphPosition;
  readonly end: GraphPosition;
}

/** Severities, named as in LSP. */
export type GraphSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A finding attached to the element it concerns (or to the other side of a conflict). */
export interface GraphFinding {
  readonly rule: string;
  readonly severity: GraphSeverity;
  readonly message: string;
  /** Where the finding itself is (selecting a conflict in the diagram goes there). */
  readonly range?: GraphRange;
}

/** What every drawable element has: a stable id, its YAML (`range`) and where to put the cursor. */
export interface GraphElement {
  /** Unique in the graph, stable across edits that don't reorder the YAML (e.g. `c:containers:0`). */
  readonly id: string;
  /** The whole YAML node of the element. */
  readonly range: GraphRange;
  /** The part to select when the element is clicked (a name or a path), like DocumentSymbol. */
  readonly selectionRange: GraphRange;
  readonly findings: readonly GraphFinding[];
}

/** Namespaces the infra ("pause") container holds for the whole pod. */
export type SharedNamespace = 'net' | 'ipc' | 'uts' | 'pid';

/** How a container lives beside the others. */
export type GraphContainerRole = 'init' | 'sidecar' | 'step' | 'app' | 'ephemeral';

/** A port: declared in `ports`, or implied by the image when the container declares none. */
export interface GraphPort extends GraphElement {
  readonly port?: number;
  readonly protocol: string;
  readonly name?: string;
  readonly hostPort?: number;
  /** True when the process listens on it although no declaration says so (image default, args, env, config). */
  readonly implied: boolean;
  /** The bind address when it is not every address of the pod (`127.0.0.1`). */
  readonly address?: string;
  /** What set an implied port when it is not the image default: `--web.listen-address=:9101`, `listen 8081 (…)`. */
  readonly origin?: string;
  /** A declaration the container's process does not listen on (`port-not-served`). */
  readonly unserved?: boolean;
}

/** A `localhost:PORT` the manifest gives a container (env value, args, command): a call to a sibling. */
export interface GraphCall extends GraphElement {
  readonly port: number;
  /** Where it is written: `env NAME`, `args` or `command`. */
  readonly source: string;
}

/** A container node. */
export interface GraphContainer extends GraphElement {
  readonly name: string;
  readonly image?: string;
  readonly role: GraphContainerRole;
  /** Position in its lane (init containers run in this order). */
  readonly order: number;
  readonly ports: readonly GraphPort[];
  /** Loopback addresses the container is handed (drawn as arrows to the pod's sockets). */
  readonly calls?: readonly GraphCall[];
}

/** A volume node. */
export interface GraphVolume extends GraphElement {
  readonly name: string;
  /** The source key: `emptyDir`, `hostPath`, `configMap`, `secret`, `persistentVolumeClaim`, ... */
  readonly kind: string;
  /** `emptyDir.medium` as written (`Memory`, `HugePages`...); undefined for the node's disk. */
  readonly medium?: string;
  /** The ConfigMap, Secret or PVC behind a `configMap`/`secret`/`persistentVolumeClaim` volume. */
  readonly object?: GraphVolumeObject;
}

/** The object a volume stands for, and where the workspace defines it. */
export interface GraphVolumeObject {
  readonly kind: 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim';
  readonly name: string;
  /** Files (base names; '' for this file) that define it; empty when it is not in the workspace. */
  readonly files: readonly string[];
}

/** One port of a Service that selects the pod. */
export interface GraphServicePort {
  /** The port's `name` in the Service. */
  readonly name?: string;
  readonly port?: number;
  /** `targetPort` as written (a number or a port name), or the port when targetPort is absent. */
  readonly target: string;
  readonly protocol: string;
  /** The pod's port number the target resolves to (a named port through the containers' ports). */
  readonly resolved?: number;
  /** No effective listener serves the target: connections are refused or have no endpoint. */
  readonly broken: boolean;
}

/** A Service of the pod's namespace whose selector matches the pod's labels: in front of the pod. */
export interface GraphService {
  readonly id: string;
  readonly name: string;
  /** The file (base name) defining it; undefined for this file. */
  readonly file?: string;
  /** The Service's YAML when it is in this file. */
  readonly range?: GraphRange;
  /** Where another file of the workspace defines it (its `metadata.name`), when the server can say. */
  readonly location?: { readonly uri: string; readonly range: GraphRange };
  readonly ports: readonly GraphServicePort[];
}

/** A mount: the edge from a container to a volume. */
export interface GraphMount extends GraphElement {
  readonly container: string;
  /** The volume's id, or undefined when the mount names a volume the pod does not define. */
  readonly volume?: string;
  readonly volumeName: string;
  readonly mountPath: string;
  readonly readOnly: boolean;
  readonly subPath?: string;
}

/** The infra container: holder of the shared namespaces and the pod's one port space. */
export interface GraphInfra extends GraphElement {
  readonly namespaces: readonly SharedNamespace[];
  /** `hostNetwork: true`: the pod uses the node's network namespace. */
  readonly hostNetwork: boolean;
}

/** One pod: what the diagram shows. */
export interface PodGraph extends GraphElement {
  /** The workload's `metadata.name` (or a placeholder when unnamed). */
  readonly name: string;
  readonly kind: string;
  /** The hostname the containers see (`spec.hostname`, else derived from the name). */
  readonly hostname: string;
  readonly infra: GraphInfra;
  /** Init containers first (in run order), then sidecars, app and ephemeral containers. */
  readonly containers: readonly GraphContainer[];
  readonly volumes: readonly GraphVolume[];
  readonly mounts: readonly GraphMount[];
  /** Services selecting the pod (in this file or in the workspace); absent when none. */
  readonly services?: readonly GraphService[];
}

/** One pod of a file, for the selector. */
export interface PodSummary {
  readonly index: number;
  readonly name: string;
  readonly kind: string;
  readonly range: GraphRange;
}

/** The texts the diagram shows, in the user's language (from the server's catalogue). */
export type DiagramStrings = Readonly<Record<string, string>>;

/** Every element of a graph, for lookups by id or position. */
export function graphElements(graph: PodGraph): GraphElement[] {
  return [graph, graph.infra, ...graph.containers, ...graph.containers.flatMap((c) => [...c.ports, ...(c.calls ?? [])]), ...graph.volumes, ...graph.mounts];
}

function before(a: GraphPosition, b: GraphPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Whether a position lies inside a range (both ends included, as a cursor sees it). */
export function rangeContains(range: GraphRange, position: GraphPosition): boolean {
  // A block node's range ends at the start of the next line: a cursor there (the file's last,
  // empty line) is past the node, not in it.
  if (range.end.character === 0 && range.end.line > range.start.line && position.line === range.end.line) return false;
  return before(range.start, position) && before(position, range.end);
}

function size(r: GraphRange): number {
  return (r.end.line - r.start.line) * 1e6 + (r.end.character - r.start.character);
}

/** The innermost element whose YAML holds the position (the pod itself at worst), or undefined. */
export function elementAt(graph: PodGraph, position: GraphPosition): GraphElement | undefined {
  let best: GraphElement | undefined;
  for (const e of graphElements(graph)) {
    if (!rangeContains(e.range, position)) continue;
    if (!best || size(e.range) < size(best.range)) best = e;
  }
  return best;
}
