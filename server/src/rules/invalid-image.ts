/**
 * invalid-image: an `image` that is no image reference (distribution/reference's grammar, which
 * the kubelet parses it with): an upper-case repository (`MyUser/App`), a space, a `:` with no tag,
 * a URL (`https://…`). The API server accepts the pod; the kubelet cannot pull the image, and the
 * container stays in InvalidImageName ("couldn't parse image reference … invalid reference
 * format"). Judged where the image-missing check judges (container-image.ts: whole built-in
 * workloads); values a template or placeholder writes are unknown, and references a build tool
 * resolves before apply (`ko://github.com/…`) and references with a word in capitals (`APP_IMAGE`,
 * `gcr.io/PROJECT_ID/app`: a CI step's placeholder) are left alone. A registry host a letter away
 * from a well-known one is a warning (registry-typo.ts).
 */
import { isScalar } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { parseImageRef } from '../k8s/images/image-ref';
import { containerLabel } from '../k8s/pod-model';
import { judged } from './container-image';
import { registrySlip } from './registry-typo';
import type { Rule } from './types';

/** `ko://`: a build tool's reference, replaced by a real one before the manifest is applied (`https://` is a mistake). */
const TOOL_REFERENCE = /^(?!https?:)[a-z][a-z0-9+.-]*:\/\/[^/]/;
/**
 * `IMAGE`, `APP_IMAGE:TAG`, `gcr.io/GOOGLE_CLOUD_PROJECT/app:COMMIT_SHA`, `AWS_ACCOUNT_ID.dkr.ecr…`,
 * Cloud Build's `_PROJECT_ID_`:
 * a word in capitals is a placeholder a CI step replaces (`sed "s/COMMIT_SHA/$SHA/"`, `kustomize
 * edit set image`), not a mistake; `MyUser/WebApp`, in mixed case, is one.
 */
const CAPITALS_WORD = /(?:^|[/.:@-])_*[A-Z][A-Z0-9_]+(?=$|[/.:@-])/;
/** `docker.io/{username}/app`, `$(IMAGE)`, `gcr.io/[PROJECT_ID]/app`, `@@TAG@@`, an elided `...`: a placeholder in a form no tool here knows; what replaces it is unknown. */
/**
 * `{ }` with a space: an empty flow map, no placeholder (a folded `image: >-` that swallowed
 * `resources: { }`, sweep EH). `{}` stays one (Python's str.format, xargs -I{}: probe EK).
 */
const EMPTY_BRACES = /\{\s+\}/g;
const SOME_PLACEHOLDER = /[{}<>$…]|\[[A-Za-z_][\w.-]*\]|@@\w+@@|%%?\w+%%?|##\w+##|\.\.\./;

/** A phrase in capitals an operator fills in (NVIDIA's `FILLED BY THE OPERATOR`, sweep DI). */
const CAPITALS_PHRASE = /^[A-Z][A-Z0-9_]*(?: [A-Z0-9_]+)+$/;

/** The reference without its tag and digest (a tag in capitals, `:V1`, is valid as it is). */
const nameOf = (image: string): string => image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');

/** Why the kubelet refuses the reference, as it says it. */
function reasonOf(image: string): { reason: string; lower?: string } {
  const slash = image.indexOf('/');
  const first = slash < 0 ? '' : image.slice(0, slash);
  const registry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const path = registry ? image.slice(slash + 1) : image;
  const name = path.replace(/[:@].*$/, '');
  if (name !== name.toLowerCase() && parseImageRef((registry ? `${first}/` : '') + path.replace(name, name.toLowerCase()))) {
    return { reason: 'invalid reference format: repository name must be lowercase', lower: (registry ? `${first}/` : '') + path.replace(name, name.toLowerCase()) };
  }
  return { reason: 'invalid reference format' };
}

/** Hex lengths of the digests the kubelet's parser knows (go-digest). */
const DIGEST_HEX: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/**
 * A digest written as hex but of the wrong length or case (`nginx@sha256:abc`, a truncated copy):
 * the reference parses here, but the kubelet's does not. A digest in words (`sha256:DIGEST`,
 * `sha256:...`) is a placeholder.
 */
function badDigest(image: string): string | undefined {
  const digest = /@([A-Za-z][A-Za-z0-9]*):([0-9A-Fa-f]+)$/.exec(image);
  if (!digest) return undefined;
  const [, algorithm = '', hex = ''] = digest;
  const length = DIGEST_HEX[algorithm];
  if (hex.length < 32) return 'invalid reference format';
  if (length === undefined) return 'unsupported digest algorithm';
  if (hex.length !== length) return 'invalid checksum digest length';
  return hex !== hex.toLowerCase() ? 'invalid checksum digest format' : undefined;
}

export const invalidImage: Rule = {
  id: 'invalid-image',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      if (!judged(pod, ctx)) continue;
      for (const c of pod.containers) {
        const node = c.imageNode;
        if (!node || !isScalar(node) || isUnknownValue(node) || typeof node.value !== 'string') continue;
        const image = node.value.trim();
        if (image !== '' && image !== node.value && parseImageRef(image)) {
          // The API server refuses a Pod's image with spaces around it (validateContainerOnlyForPod):
          // at apply for a Pod, when its controller creates them for a workload's.
          const where = pod.object.kind === 'Pod' && pod.path.endsWith('spec') && !pod.path.includes('template') ? 'pod' : 'template';
          // The pods' own path: `spec.containers[0].image`, whatever holds the template.
          const path = where === 'pod' ? `${c.path}.image` : `spec${c.path.slice(pod.path.length)}.image`;
          ctx.report({ node, message: ctx.t(`invalid-image.whitespace-${where}`, { container: containerLabel(c), image: node.value, path, kind: pod.object.kind ?? '' }), data: { trimmed: image } });
          continue;
        }
        const digest = image === '' ? undefined : badDigest(image);
        if (digest && parseImageRef(image)) {
          ctx.report({ node, message: ctx.t('invalid-image.message', { container: containerLabel(c), image, reason: digest }), data: {} });
          continue;
        }
        const slip = parseImageRef(image) ? registrySlip(image) : undefined;
        if (slip) {
          const fixed = `${slip.meant}${image.slice(slip.host.length)}`;
          ctx.report({ node, severity: 'warning', message: ctx.t('invalid-image.registry-slip', { container: containerLabel(c), image, host: slip.host, meant: slip.meant }), data: { registry: fixed } });
          continue;
        }
        if (image === '' || parseImageRef(image) || TOOL_REFERENCE.test(image) || SOME_PLACEHOLDER.test(image.replace(EMPTY_BRACES, '')) || CAPITALS_WORD.test(nameOf(image)) || CAPITALS_PHRASE.test(image)) continue;
        const { reason, lower } = reasonOf(image);
        ctx.report({
          node,
          message: ctx.t('invalid-image.message', { container: containerLabel(c), image, reason }),
          data: lower ? { lowercase: lower } : {},
        });
      }
    }
  },
};
