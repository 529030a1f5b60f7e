/**
 * Whether an open document is a fragment (a kustomize patch, a test assertion): read from the
 * disk for `file:` URIs, where the kustomizations up the tree live. Read on every check, so an
 * edited kustomization.yaml applies on the next check (they are small and few).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fragmentKindOf, isTestAssertionName, type FragmentKind } from '../k8s/fragments';

export function fragmentOfUri(uri: string): FragmentKind | undefined {
  if (!uri.startsWith('file:')) return isTestAssertionName(uri.split(/[?#]/)[0] ?? uri) ? 'test-assertion' : undefined;
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  return fragmentKindOf(path, (p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  });
}
