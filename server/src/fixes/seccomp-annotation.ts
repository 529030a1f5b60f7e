/**
 * removed-api-version on a seccomp annotation: the profile it asks for becomes the pod's (or the
 * container's) `securityContext.seccompProfile`, and the annotation goes, so the profile is really
 * applied. No fix for a value the annotation never took.
 */
import { getMap, getPair } from '../core/yaml-access';
import { seccompAnnotations } from '../k8s/seccomp-annotations';
import { removeAnnotation } from './annotations';
import { isAt } from './find';
import type { Fix, FixContext } from './types';
import { addPair, type OffsetEdit } from './yaml-edit';

export function seccompAnnotationFixes(ctx: FixContext): Fix[] {
  for (const pod of ctx.chunk.analysis.pods) {
    const annotation = seccompAnnotations(pod).find((a) => isAt(ctx, a.key));
    if (!annotation?.profile) continue;
    const text = ctx.analysis.text;
    const base = ctx.chunk.start;
    const holder = annotation.container?.node ?? pod.spec;
    const context = getMap(holder, 'securityContext', pod.doc);
    const profile = { ...annotation.profile };
    // `securityContext:` written with no value: adding a second key would break the file.
    if ((context ?? holder).flow || (!context && getPair(holder, 'securityContext', pod.doc))) return [];
    const add = context ? addPair(text, base, context, 'seccompProfile', profile) : addPair(text, base, holder, 'securityContext', { seccompProfile: profile });
    const remove = removeAnnotation(text, base, pod, annotation.pair);
    if (!remove) return [];
    const edits: OffsetEdit[] = [add, remove].sort((a, b) => a.start - b.start);
    if (edits[0]!.end > edits[1]!.start) return [];
    return [{ title: ctx.t('fix.seccomp-annotation', { type: profile.type }), edits, preferred: true }];
  }
  return [];
}
