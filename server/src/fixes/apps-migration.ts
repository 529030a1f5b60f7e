/**
 * removed-api-version on a Deployment, DaemonSet, ReplicaSet or StatefulSet of extensions/v1beta1,
 * apps/v1beta1 or apps/v1beta2: apps/v1, with the selector from the template's labels
 * (api-version.ts), and what the guide's changed defaults would otherwise change behind the
 * author's back: the OnDelete updates an extensions/v1beta1 DaemonSet or an apps/v1beta1
 * StatefulSet had by default (apps/v1 rolls them), and a progress deadline above a
 * `minReadySeconds` of 600 or more (apps/v1 defaults it to 600, which would be refused).
 * No fix when a field apps/v1 dropped is written (`spec.rollbackTo`, `spec.templateGeneration`).
 */
import { isMap } from 'yaml';
import { locate } from '../core/locate';
import { getMap, getNode, getScalar } from '../core/yaml-access';
import { apiVersionFixes } from './api-version';
import type { Fix, FixContext } from './types';
import { addPair } from './yaml-edit';

/** The kinds whose update strategy was OnDelete by default in the old apiVersion. */
const ON_DELETE_BEFORE: Readonly<Record<string, string>> = { DaemonSet: 'extensions/v1beta1', StatefulSet: 'apps/v1beta1' };

export function appsMigrationFixes(ctx: FixContext, from: string, kind: string): Fix[] {
  const at = locate(ctx.analysis, ctx.finding.start);
  const object = at?.ancestors.at(-2);
  const spec = at && isMap(object) ? getMap(object, 'spec', at.doc) : undefined;
  if (!at || !spec || spec.flow || ['rollbackTo', 'templateGeneration'].some((k) => getNode(spec, k, at.doc) !== undefined)) return [];
  const text = ctx.analysis.text;
  const onDelete = ON_DELETE_BEFORE[kind] === from && getNode(spec, 'updateStrategy', at.doc) === undefined;
  const min = getScalar(spec, 'minReadySeconds', at.doc)?.value;
  const deadline = kind === 'Deployment' && typeof min === 'number' && min >= 600 && getNode(spec, 'progressDeadlineSeconds', at.doc) === undefined ? min + 600 : undefined;
  const extra = [
    ...(onDelete ? [addPair(text, ctx.chunk.start, spec, 'updateStrategy', { type: 'OnDelete' })] : []),
    ...(deadline !== undefined ? [addPair(text, ctx.chunk.start, spec, 'progressDeadlineSeconds', deadline)] : []),
  ];
  const suffix = (onDelete ? ctx.t('fix.keep-on-delete', {}) : '') + (deadline !== undefined ? ctx.t('fix.with-deadline', { deadline }) : '');
  return apiVersionFixes(ctx, 'apps/v1', true).map((f) => ({ ...f, title: f.title + suffix, edits: [...f.edits, ...extra] }));
}
