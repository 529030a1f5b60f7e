/** Keys of a manifest that are no fields of its object: a patch's directives, SOPS's metadata. */
import { isMap, isScalar, type Document } from 'yaml';
import { resolveNode } from './yaml-nodes';

/** Strategic-merge-patch directives (kustomize patch files): not fields. */
export function isPatchDirective(key: string): boolean {
  return (
    key === '$patch' ||
    key === '$retainKeys' ||
    key.startsWith('$setElementOrder/') ||
    key.startsWith('$deleteFromPrimitiveList/')
  );
}

/**
 * The `sops:` block of a SOPS-encrypted file (its `mac`, `version`, `lastmodified`...). Flux's
 * kustomize-controller, KSOPS or `sops -d` decrypt the file before it is applied, and decrypting
 * removes the block: the API server never sees it.
 */
export function isSopsMetadata(key: string, value: unknown, doc: Document): boolean {
  if (key !== 'sops') return false;
  const block = resolveNode(value, doc);
  return isMap(block) && block.items.some((p) => isScalar(p.key) && (p.key.value === 'mac' || p.key.value === 'lastmodified'));
}
