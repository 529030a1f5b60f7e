/**
 * Key completions: the fields the schema allows in the mapping at the cursor, required ones
 * first, without those already written (merge keys included), and the pod snippets where a
 * sequence item of their type starts.
 */
import { describeType, getType, type FieldType, type SchemaField } from '../schema';
import type { CursorContext } from './context';
import { firstSentence } from './schema-walk';
import { asItem, podSnippets, type SnippetFacts } from './snippets';
import type { PodCompletion, Translate } from './types';

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** What follows the key: a block for objects and lists, a space for scalars. */
function keyInsert(field: SchemaField, ctx: CursorContext, seqIndent: string): string {
  const name = escapeSnippet(field.name);
  if (ctx.colonAfter) return name;
  if (ctx.flow) return `${name}: $0`;
  const type: FieldType = field.type;
  if (type.kind === 'array') return `${name}:\n${seqIndent}- $0`;
  if (type.kind === 'ref' || type.kind === 'map' || (type.kind === 'primitive' && type.name === 'object')) return `${name}:\n  $0`;
  return `${name}: $0`;
}

/** Field completions for a mapping of `typeName`. */
export function fieldCompletions(typeName: string, ctx: CursorContext, present: ReadonlySet<string>, seqIndent: string, withDash: boolean, t: Translate): PodCompletion[] {
  const type = getType(typeName);
  if (!type) return [];
  const out: PodCompletion[] = [];
  for (const field of type.fields.values()) {
    if (present.has(field.name) || field.name === 'status') continue;
    const typeText = describeType(field.type);
    const body = keyInsert(field, ctx, seqIndent);
    out.push({
      label: field.name,
      kind: 'field',
      detail: field.required ? t('complete.field.required', { type: typeText }) : typeText,
      documentation: firstSentence(field.description),
      insertText: withDash ? asItem(body, true) : body,
      snippet: true,
      sortText: `${field.required ? '1' : '2'}_${field.name}`,
      filterText: withDash ? `- ${field.name}` : field.name,
      knowledge: false,
    });
  }
  return out;
}

/** Snippets that create an item of `itemType`; `withDash` when the `- ` is still to be typed. */
export function snippetCompletions(itemType: string, facts: SnippetFacts, withDash: boolean, t: Translate): PodCompletion[] {
  return podSnippets(facts)
    .filter((s) => s.itemType === itemType)
    .map((s) => ({
      label: s.label,
      kind: 'snippet' as const,
      detail: t(`complete.snippet.${s.id}`),
      insertText: asItem(s.body, withDash),
      snippet: true,
      sortText: `0_${s.label}`,
      filterText: withDash ? `- ${s.label}` : s.label,
      knowledge: true,
    }));
}
