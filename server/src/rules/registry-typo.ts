/**
 * Part of invalid-image: a registry host a letter away from a well-known one (`ghrc.io` for
 * `ghcr.io`, `quary.io`, `dokcer.io`). The reference parses, so nothing refuses the pod: the kubelet
 * asks that host for the image, and the pull fails (ErrImagePull) or, worse, fetches whatever the
 * owner of that domain serves (sweep EZ: a Dapr quickstart's `ghrc.io/dapr/...`). Only long, public
 * hosts are compared, and real registries a letter apart (`gcr.io`, `icr.io`, `ocir.io`) are never one.
 */
import { editDistance } from '../util/suggest';

const WELL_KNOWN = ['ghcr.io', 'quay.io', 'docker.io', 'nvcr.io', 'registry.k8s.io', 'k8s.gcr.io', 'mcr.microsoft.com', 'public.ecr.aws', 'registry.gitlab.com', 'docker.elastic.co', 'registry.redhat.io'];
/** Registries of their own a letter from one above. */
const REAL = new Set(['gcr.io', 'icr.io', 'ocir.io', 'lscr.io', 'cgr.dev', 'acr.io', 'ecr.io', 'nvcr.io', 'quay.io', 'ghcr.io', 'docker.io']);

/** One letter changed, added or dropped, or two neighbours swapped. */
function oneSlip(a: string, b: string): boolean {
  if (a.length === b.length) {
    const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]) return true;
  }
  return editDistance(a, b) === 1;
}

/** The well-known registry an image's host is a slip of, if any. */
export function registrySlip(image: string): { host: string; meant: string } | undefined {
  const slash = image.indexOf('/');
  const host = slash < 0 ? '' : image.slice(0, slash).toLowerCase();
  if (!host.includes('.') || REAL.has(host) || WELL_KNOWN.includes(host)) return undefined;
  const meant = WELL_KNOWN.filter((known) => oneSlip(host, known));
  return meant.length === 1 ? { host: image.slice(0, slash), meant: meant[0]! } : undefined;
}
