/**
 * The workspace a document sees, for its workspace rules and navigation: the other open
 * documents (their current text, not what is on disk), the files on disk (WorkspaceIndex), the
 * kustomize bases of its folder, and its default namespace (its kustomization's). The server
 * gives these to the AnalysisStore (`peersFor`, `namespaceOf`).
 */
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { folderNamespace } from '../cli/workspace';
import { kustomizeBases, peersWithBases } from '../cli/kustomize-bases';
import type { PeerPods } from '../rules/types';
import type { AnalysisStore, Peers } from './documents';
import type { WorkspaceIndex } from './workspace-index';

const fileUri = (path: string): string => pathToFileURL(path).href;

/** The default namespace of the objects of the document at `uri` ('' outside a file folder). */
export function namespaceOfUri(uri: string): string {
  try {
    return uri.startsWith('file:') ? folderNamespace(dirname(fileURLToPath(uri))) : '';
  } catch {
    return '';
  }
}

/** The kustomize bases of the folder of the document at `uri`: their ConfigMaps are deployed with it. */
function basesOfUri(uri: string): readonly string[] {
  try {
    return uri.startsWith('file:') ? kustomizeBases(dirname(fileURLToPath(uri))) : [];
  } catch {
    return [];
  }
}

export class WorkspacePeers {
  // The list is reused while nothing changed, so the rules index it once.
  private readonly lastPeers = new Map<string, { key: string; peers: readonly PeerPods[] }>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly store: AnalysisStore,
    private readonly workspace: WorkspaceIndex,
  ) {}

  /** The peers of the document at `uri`, with a key that changes with them, and its place. */
  peersFor(uri: string): Peers {
    const open: PeerPods[] = [];
    const keys: string[] = [];
    for (const d of this.documents.all()) {
      if (d.uri === uri) continue;
      const peer = this.store.peerOf(d);
      if (!peer || (peer.pods.length === 0 && (peer.objects?.length ?? 0) === 0 && (peer.templated?.length ?? 0) === 0)) continue;
      open.push(peer);
      keys.push(`${d.uri}@${d.version}`);
    }
    const disk = this.workspace.peers(uri, new Set(this.documents.all().map((d) => d.uri)));
    const key = `${keys.join('|')}#${disk.key}`;
    const bases = basesOfUri(uri);
    const self = { source: uri, namespace: namespaceOfUri(uri), ...(bases.length ? { bases: bases.map(fileUri) } : {}) };
    const last = this.lastPeers.get(uri);
    if (last?.key === key) return { peers: last.peers, key, self };
    const peers = peersWithBases(open.length ? [...open, ...disk.peers] : disk.peers, bases, fileUri);
    this.lastPeers.set(uri, { key, peers });
    return { peers, key, self };
  }

  /** The document at `uri` was closed. */
  forget(uri: string): void {
    this.lastPeers.delete(uri);
  }
}
