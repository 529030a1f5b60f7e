/**
 * Hovers, as a pure function of the cached analysis: (FileAnalysis, offset, locale, options) →
 * Markdown and the range it covers. Semantic hovers explain the pod under the cursor; every
 * other key gets its schema documentation; a finding under the cursor is explained beside both.
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { FileAnalysis } from '../core/analyze';
import { locate, type Located } from '../core/locate';
import type { Locale } from '../l10n';
import type { PodModel } from '../k8s/pod-model';
import { shortTypeName, type FieldType } from '../schema';
import type { AnalysisOptions, Finding } from '../rules/types';
import { code, makeContext, type HoverContext, type HoverResult } from './context';
import { fieldAt, fieldDoc, fieldLine } from './field-doc';
import { imageHover } from './image';
import { hostNetworkHover, hostPortHover } from './host-network';
import { containerHover, portHover, portsHover } from './network';
import { podHover } from './pod';
import { mountHover, volumeHover } from './volumes';
import { serviceLinksHover, serviceNameAt } from './service-links';

export type { HoverResult } from './context';

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const MOUNT_KEYS = new Set(['name', 'mountPath', 'readOnly', 'subPath', 'subPathExpr']);

/** The key path below `node` (which must be on the located chain), merge keys removed. */
function relPath(loc: Located, node: Node | undefined): (string | number)[] | undefined {
  const i = node ? loc.ancestors.indexOf(node) : -1;
  if (i < 0) return undefined;
  const out: (string | number)[] = [];
  let afterMerge = false;
  for (const step of loc.path.slice(i)) {
    if (step === '<<') afterMerge = true;
    else if (afterMerge && typeof step === 'number') continue;
    else {
      afterMerge = false;
      out.push(step);
    }
  }
  return out;
}

function isPodKey(loc: Located, pod: PodModel): boolean {
  if (!loc.onKey || !loc.pair) return false;
  if (loc.pair === pod.specPair) return true;
  // The pod template key (`template`) holds the pair of the pod spec.
  return isMap(loc.pair.value) && loc.pair.value.items.includes(pod.specPair) && loc.path[loc.path.length - 1] === 'template';
}

function isKindPair(loc: Located, pod: PodModel): boolean {
  return !!loc.pair && pod.object.node.items.includes(loc.pair) && loc.path[loc.path.length - 1] === 'kind';
}

function containerSemantic(ctx: HoverContext, pod: PodModel): string | undefined {
  const { loc } = ctx;
  const c = loc.container;
  const rel = c && relPath(loc, c.node);
  if (!c || !rel) return undefined;
  const [first, second, third] = rel;
  if (first === undefined || first === 'name') return containerHover(ctx, pod, c);
  if (first === 'image' && rel.length === 1) return imageHover(ctx, pod, c);
  if (first === 'ports') {
    if (second === undefined) return portsHover(ctx, pod, c);
    if (!loc.port) return undefined;
    if (third === undefined || third === 'containerPort') return portHover(ctx, pod, c, loc.port);
    if (third === 'hostPort') return hostPortHover(ctx, pod, c, loc.port);
    return undefined;
  }
  if (first === 'volumeMounts' && loc.mount && second !== undefined && (third === undefined || (typeof third === 'string' && MOUNT_KEYS.has(third)))) {
    return mountHover(ctx, pod, c, loc.mount);
  }
  return undefined;
}

function podSemantic(ctx: HoverContext, pod: PodModel): string | undefined {
  const { loc } = ctx;
  if (isPodKey(loc, pod) || isKindPair(loc, pod)) return podHover(ctx, pod);
  if (loc.container) return containerSemantic(ctx, pod);
  const claim = pod.claimTemplates.find((v) => loc.ancestors.includes(v.node));
  if (claim) {
    const rel = relPath(loc, claim.node) ?? [];
    return rel.length === 0 || rel[0] === 'metadata' ? volumeHover(ctx, pod, claim) : undefined;
  }
  const rel = relPath(loc, pod.spec);
  if (!rel) return undefined;
  const [first] = rel;
  if (rel.length === 1 && typeof first === 'string' && CONTAINER_LISTS.has(first)) return portsHover(ctx, pod);
  if (first === 'hostNetwork') return hostNetworkHover(ctx, pod);
  if (first === 'volumes' && loc.volume && rel.length <= 4) return volumeHover(ctx, pod, loc.volume);
  return undefined;
}

/** The object type a field holds (through arrays and maps), e.g. `core.v1.HostPathVolumeSource`. */
function typeNameOf(type: FieldType): string | undefined {
  if (type.kind === 'ref') return type.name;
  if (type.kind === 'array') return typeNameOf(type.items);
  if (type.kind === 'map') return typeNameOf(type.values);
  return undefined;
}

/**
 * A key the schema does not know, with a close field name: speak about that key and the field it
 * probably meant (its documentation), not about the object around it.
 */
function unknownKeyHover(ctx: HoverContext, findings: readonly Finding[]): string | undefined {
  const { loc } = ctx;
  if (!loc.onKey) return undefined;
  const finding = findings.find((f) => f.rule === 'unknown-field' && typeof f.data?.key === 'string');
  if (!finding) return undefined;
  const key = String(finding.data?.key);
  const suggestion = typeof finding.data?.suggestion === 'string' ? finding.data.suggestion : undefined;
  const parent = fieldAt({ ...loc, path: loc.path.slice(0, -1) });
  const type = parent ? shortTypeName(typeNameOf(parent.field.type) ?? parent.owner) : '';
  const meant = suggestion ? fieldAt({ ...loc, path: [...loc.path.slice(0, -1), suggestion] }) : undefined;
  if (meant) return `${ctx.t('hover.key.unknown', { key, type })}\n\n${fieldDoc(ctx, meant)}`;
  const allowed = Array.isArray(finding.data?.allowed) ? (finding.data.allowed as unknown[]).slice(0, 12).map((a) => code(String(a))) : [];
  return ctx.t('hover.key.unknown-no-guess', { key, type, allowed: allowed.join(ctx.t('hover.list-sep')) || '—' });
}

/** The hover at `offset`, or undefined when there is nothing to say. */
export function hoverAt(analysis: FileAnalysis, offset: number, locale: Locale, options: AnalysisOptions = {}): HoverResult | undefined {
  const loc = locate(analysis, offset);
  if (!loc) return undefined;
  const target = loc.onKey ? loc.pair?.key : loc.node;
  const range = (target as Node | undefined)?.range;
  if (!range || (isScalar(target) && range[0] === range[1])) return undefined;
  // A comment or blank line before a document falls back to the root mapping: nothing to say.
  const rel = offset - loc.chunk.start;
  if (rel < range[0] || rel > range[1]) return undefined;
  const start = loc.chunk.start + range[0];
  const end = loc.chunk.start + range[1];
  const ctx = makeContext(analysis, loc, locale, options);
  // Findings are not repeated: VS Code shows each diagnostic above the hover already.
  const findings = loc.chunk.analysis.findings.filter((f) => f.start < range[1] && f.end > range[0]);
  const unknownKey = unknownKeyHover(ctx, findings);
  if (unknownKey) return { markdown: unknownKey, start, end };
  const field = fieldAt(loc);
  const pod = loc.pod;
  const service = pod ? undefined : serviceNameAt(ctx);
  const semantic = pod ? podSemantic(ctx, pod) : service ? serviceLinksHover(ctx, service) : undefined;
  const parts: string[] = [];
  if (semantic) {
    parts.push(semantic);
    if (field) parts.push(`---\n\n${fieldLine(ctx, field)}`);
  } else if (field) {
    parts.push(fieldDoc(ctx, field));
  }
  if (parts.length === 0) return undefined;
  return { markdown: parts.join('\n\n'), start, end };
}
