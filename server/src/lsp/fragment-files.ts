/**
 * Whether an open document is a fragment (a kustomize patch, a test assertion): read from the
 * disk for `file:` URIs, where the kustomizations up the tree live. Looked at on every check, so
 * that a saved kustomization.yaml applies on the next one; a kustomization is read again only
 * when its size or modification time changed, and a missing one costs a `stat`, not a thrown
 * error (a check looks for three names in every folder up the tree).
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fragmentKindOf, isKustomizeResource, isTestAssertionName, type FragmentKind } from '../k8s/fragments';

const known = new Map<string, { readonly stamp: string; readonly text: string | undefined }>();

/** The text of the file at `path`, or undefined when there is none; read again only when it changed. */
export function readIfChanged(path: string): string | undefined {
  const stat = statSync(path, { throwIfNoEntry: false, bigint: true });
  if (!stat?.isFile()) {
    known.delete(path);
    return undefined;
  }
  const stamp = `${stat.size}:${stat.mtimeNs}:${stat.ino}`;
  const hit = known.get(path);
  if (hit?.stamp === stamp) return hit.text;
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = undefined;
  }
  known.set(path, { stamp, text });
  return text;
}

export function fragmentOfUri(uri: string): FragmentKind | undefined {
  if (!uri.startsWith('file:')) return isTestAssertionName(uri.split(/[?#]/)[0] ?? uri) ? 'test-assertion' : undefined;
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  return fragmentKindOf(path, readIfChanged);
}

/** Whether an open document is a resource of the kustomization beside it (see `isKustomizeResource`). */
export function isKustomizeResourceUri(uri: string): boolean {
  if (!uri.startsWith('file:')) return false;
  try {
    return isKustomizeResource(fileURLToPath(uri), readIfChanged);
  } catch {
    return false;
  }
}
