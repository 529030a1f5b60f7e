/**
 * invalid-image: an upper-case repository name becomes lower case (preferred): registries keep
 * repositories in lower case, so that is the image meant (`MyUser/App:1.0` → `myuser/app:1.0`;
 * the tag keeps its case); spaces around a reference are removed (preferred). Other broken
 * references have no fix: what was meant is not written.
 */
import { containersAt, fact, isAt } from './find';
import type { FixProvider } from './types';
import { replaceScalar } from './yaml-edit';

export const invalidImageFixes: FixProvider = (ctx) => {
  const trimmed = fact(ctx, 'trimmed');
  if (typeof trimmed === 'string') {
    const hit = containersAt(ctx, (c) => (isAt(ctx, c.imageNode) ? c.imageNode : undefined))[0];
    return hit ? [{ title: ctx.t('fix.image-trim', { image: trimmed }), edits: [replaceScalar(ctx.chunk.start, hit.part, trimmed)], preferred: true, safe: true }] : [];
  }
  const registry = fact(ctx, 'registry');
  if (typeof registry === 'string') {
    const hit = containersAt(ctx, (c) => (isAt(ctx, c.imageNode) ? c.imageNode : undefined))[0];
    return hit ? [{ title: ctx.t('fix.replace', { from: String(hit.part.value), to: registry }), edits: [replaceScalar(ctx.chunk.start, hit.part, registry)], preferred: true }] : [];
  }
  const lower = fact(ctx, 'lowercase');
  if (typeof lower !== 'string') return [];
  const hit = containersAt(ctx, (c) => (isAt(ctx, c.imageNode) ? c.imageNode : undefined))[0];
  if (!hit) return [];
  return [{ title: ctx.t('fix.image-lowercase', { image: lower }), edits: [replaceScalar(ctx.chunk.start, hit.part, lower)], preferred: true }];
};
