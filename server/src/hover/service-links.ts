/**
 * The hover of a Service's name: the variables its name puts into every container of its
 * namespace (Service links), which a program may read as its own setting.
 */
import { getMap, getString } from '../core/yaml-access';
import { linkValue } from '../rules/service-link-env';
import type { K8sObject } from '../k8s/workloads';
import { code, type HoverContext } from './context';

/** The core Service whose `metadata.name` the cursor is on, with the object. */
export function serviceNameAt(ctx: HoverContext): K8sObject | undefined {
  const { loc } = ctx;
  const path = loc.path;
  if (path.length < 2 || path[path.length - 1] !== 'name' || path[path.length - 2] !== 'metadata') return undefined;
  const object = loc.chunk.analysis.objects.find((o) => o.object.kind === 'Service' && o.object.apiVersion === 'v1' && loc.ancestors.includes(o.object.node))?.object;
  // metadata of the Service itself, not of something nested in it.
  return object && path.length === (object.pathPrefix ? 4 : 2) ? object : undefined;
}

export function serviceLinksHover(ctx: HoverContext, object: K8sObject): string | undefined {
  const name = object.name;
  if (!name || !/^[a-z0-9-]+$/.test(name)) return undefined;
  const prefix = name.toUpperCase().replace(/-/g, '_');
  const value = linkValue({ object, doc: ctx.loc.doc, namespace: '' });
  const namespace = getString(getMap(object.node, 'metadata', ctx.loc.doc), 'namespace', ctx.loc.doc);
  if (value === undefined) return ctx.t('hover.service-links.none', { name: code(name) });
  const variables = [`${prefix}_SERVICE_HOST`, `${prefix}_SERVICE_PORT`, `${prefix}_PORT=${value}`].map(code).join(ctx.t('hover.list-sep'));
  return ctx.t('hover.service-links', { name: code(name), namespace: namespace ? code(namespace) : ctx.t('hover.service-links.this-namespace'), variables, port: code(`${prefix}_PORT`) });
}
