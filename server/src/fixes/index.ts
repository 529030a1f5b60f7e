/**
 * Every rule's quick fixes, one file per rule, listed here. `fixesFor` adds the two "disable"
 * actions every rule gets; `fixAll` collects the safe preferred fixes of a file.
 */
import type { FileAnalysis } from '../core/analyze';
import { chunkAt } from '../core/locate';
import { normaliseLocale, t } from '../l10n';
import type { AnalysisOptions, Finding } from '../rules/types';
import { disableForFile, disableForLine } from './disable';
import { duplicateMountPathFixes } from './duplicate-mount-path';
import { hostNetworkPortMismatchFixes } from './host-network-port-mismatch';
import { hostPortConflictFixes } from './host-port-conflict';
import { implicitPortConflictFixes } from './implicit-port-conflict';
import { invalidPortFixes } from './invalid-port';
import { mountShadowsImageFixes } from './mount-shadows-image';
import { duplicateContainerNameFixes } from './duplicate-container-name';
import { duplicateVolumeNameFixes } from './duplicate-volume-name';
import { invalidNameFixes } from './invalid-name';
import { invalidValueFixes } from './invalid-value';
import { portConflictFixes } from './port-conflict';
import { removedApiVersionFixes } from './removed-api-version';
import { runAsNonRootFixes } from './run-as-non-root';
import { invalidImageFixes } from './invalid-image';
import { portNotServedFixes } from './port-not-served';
import { unknownFieldFixes } from './unknown-field';
import { serviceTargetPortFixes } from './service-target-port';
import type { Fix, FixContext, FixProvider } from './types';
import { danglingBackendFixes } from './dangling-backend';
import { duplicateEnvFixes } from './duplicate-env';
import { duplicatePortNameFixes } from './duplicate-port-name';
import { missingConfigKeyFixes } from './missing-config-key';
import { probePortElsewhereFixes } from './probe-port-elsewhere';
import { selectorMismatchFixes } from './selector-mismatch';
import { yamlSyntaxFixes } from './yaml-syntax';
import { readOnlyRootFsFixes } from './read-only-root-fs';
import { unsplitCommandFixes } from './unsplit-command';
import { serviceLinkEnvFixes } from './service-link-env';
import { serviceSelectsNothingFixes } from './service-selects-nothing';
import { undefinedEnvReferenceFixes } from './undefined-env-reference';
import { undefinedVolumeFixes } from './undefined-volume';
import { unknownPortNameFixes } from './unknown-port-name';
import { unusedDisableDirectiveFixes } from './unused-disable-directive';
import { unusedVolumeFixes } from './unused-volume';
import type { OffsetEdit } from './yaml-edit';

export type { Fix } from './types';
export type { OffsetEdit } from './yaml-edit';

/** Rule id → its fixes. Rules without an entry get only the "disable" actions. */
export const fixProviders: Readonly<Record<string, FixProvider>> = {
  'port-conflict': portConflictFixes,
  'implicit-port-conflict': implicitPortConflictFixes,
  'port-not-served': portNotServedFixes,
  'host-port-conflict': hostPortConflictFixes,
  'host-network-port-mismatch': hostNetworkPortMismatchFixes,
  'invalid-port': invalidPortFixes,
  'unknown-port-name': unknownPortNameFixes,
  'mount-shadows-image': mountShadowsImageFixes,
  'duplicate-mount-path': duplicateMountPathFixes,
  'undefined-volume': undefinedVolumeFixes,
  'unused-volume': unusedVolumeFixes,
  'unknown-field': unknownFieldFixes,
  'invalid-value': invalidValueFixes,
  'duplicate-container-name': duplicateContainerNameFixes,
  'duplicate-port-name': duplicatePortNameFixes,
  'duplicate-volume-name': duplicateVolumeNameFixes,
  'invalid-name': invalidNameFixes,
  'unused-disable-directive': unusedDisableDirectiveFixes,
  'service-target-port': serviceTargetPortFixes,
  'selector-mismatch': selectorMismatchFixes,
  'service-selects-nothing': serviceSelectsNothingFixes,
  'duplicate-env': duplicateEnvFixes,
  'undefined-env-reference': undefinedEnvReferenceFixes,
  'probe-port-elsewhere': probePortElsewhereFixes,
  'dangling-backend': danglingBackendFixes,
  'missing-config-key': missingConfigKeyFixes,
  'service-link-env': serviceLinkEnvFixes,
  'removed-api-version': removedApiVersionFixes,
  'run-as-non-root': runAsNonRootFixes,
  'read-only-root-fs': readOnlyRootFsFixes,
  'unsplit-command': unsplitCommandFixes,
  'invalid-image': invalidImageFixes,
  'yaml-syntax': yamlSyntaxFixes,
};

/** Options for computing fixes. */
export interface FixOptions {
  readonly options?: AnalysisOptions;
  /** Add "Disable <rule> for this line / file" (default true). */
  readonly disable?: boolean;
}

function contextFor(analysis: FileAnalysis, finding: Finding, options: AnalysisOptions): FixContext | undefined {
  const chunk = chunkAt(analysis, finding.start);
  if (!chunk) return undefined;
  const locale = normaliseLocale(options.locale);
  return { analysis, finding, chunk, options, locale, t: (key, args) => t(locale, key, args) };
}

/** The rule's own fixes for one finding (never throws: a failing fix offers nothing). */
export function ruleFixes(analysis: FileAnalysis, finding: Finding, options: AnalysisOptions = {}): Fix[] {
  const provider = fixProviders[finding.rule];
  const ctx = contextFor(analysis, finding, options);
  if (!provider || !ctx) return [];
  try {
    const fixes = provider(ctx).filter((f) => f.edits.length > 0);
    // At most one preferred fix: the first one a provider marks.
    let preferred = false;
    return fixes.map((f) => {
      const keep = !!f.preferred && !preferred;
      preferred ||= keep;
      return keep === !!f.preferred ? f : { ...f, preferred: keep };
    });
  } catch {
    return [];
  }
}

/** Every fix for one finding: the rule's, then "disable for this line" and "for this file". */
export function fixesFor(analysis: FileAnalysis, finding: Finding, fixOptions: FixOptions = {}): Fix[] {
  const options = fixOptions.options ?? {};
  const fixes = ruleFixes(analysis, finding, options);
  const ctx = contextFor(analysis, finding, options);
  if (ctx && fixOptions.disable !== false) fixes.push(...[disableForLine(ctx), disableForFile(ctx)].filter((f) => f.edits.length > 0));
  return fixes;
}

/**
 * The rules whose fixes can be `safe`; "fix all" skips every other rule without computing its
 * fixes (at thousands of findings that is most of the cost). A test checks, on the examples and
 * the corpus, that no other rule ever offers a safe fix.
 */
export const SAFE_FIX_RULES: ReadonlySet<string> = new Set([
  'duplicate-mount-path',
  'host-network-port-mismatch',
  'invalid-port',
  'invalid-value',
  'removed-api-version',
  'unknown-field',
  'unused-disable-directive',
  // Renames (rename.ts) are safe for volumes.
  'duplicate-container-name',
  'duplicate-volume-name',
  'invalid-name',
]);

const byRule = new WeakMap<FileAnalysis, Map<string, Finding[]>>();

/** The findings of one rule, in file order (indexed once per analysis). */
export function findingsOfRule(analysis: FileAnalysis, rule: string): readonly Finding[] {
  let index = byRule.get(analysis);
  if (!index) {
    index = new Map();
    for (const f of analysis.findings) {
      const list = index.get(f.rule);
      if (list) list.push(f);
      else index.set(f.rule, [f]);
    }
    byRule.set(analysis, index);
  }
  return index.get(rule) ?? [];
}

/**
 * The safe preferred fix of every finding (of `rule`, or of all rules), as one set of
 * non-overlapping edits: a fix whose edits touch an earlier fix's text is left for the next round.
 * `limit` stops after that many fixes (to learn cheaply whether there is more than one).
 */
export function fixAll(analysis: FileAnalysis, options: AnalysisOptions = {}, rule?: string, limit = Infinity): { edits: OffsetEdit[]; fixed: Finding[] } {
  const edits: OffsetEdit[] = [];
  const fixed: Finding[] = [];
  for (const finding of rule ? findingsOfRule(analysis, rule) : analysis.findings) {
    if (fixed.length >= limit) break;
    if (!SAFE_FIX_RULES.has(finding.rule)) continue;
    const fix = ruleFixes(analysis, finding, options).find((f) => f.preferred && f.safe);
    if (!fix) continue;
    const overlaps = fix.edits.some((e) => edits.some((o) => e.start < o.end && o.start < e.end || (e.start === o.start && e.end === e.start && o.end === o.start)));
    if (overlaps) continue;
    edits.push(...fix.edits);
    fixed.push(finding);
  }
  return { edits: edits.sort((a, b) => a.start - b.start), fixed };
}

/** Applies offset edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
