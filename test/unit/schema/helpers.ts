/** Shared helpers of the schema tests. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, parseAllDocuments } from 'yaml';
import { Document } from 'yaml';
import { rootTypeFor } from '../../../server/src/schema';
import { validateSchema } from '../../../server/src/schema/validate';
import type { SchemaProblem } from '../../../server/src/schema/validate';

/** The repository root: the nearest folder above this file with Podsight's package.json (else the cwd). */
export function findRepoRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'podsight') return dir;
      } catch {
        // keep looking
      }
    }
    if (dirname(dir) === dir) return process.cwd();
  }
}

export const corpusDir = resolve(findRepoRoot(), '..', 'shared', 'corpus', 'real-world');

/** Parses `text` (first document) and validates it against the root type of its kind. */
export function check(text: string, typeName?: string): { problems: SchemaProblem[]; doc: Document } {
  const docs = parseAllDocuments(text, { merge: true, prettyErrors: false });
  const doc = (Array.isArray(docs) ? docs[0] : docs) as Document | undefined;
  const problems: SchemaProblem[] = [];
  if (!doc) return { problems, doc: new Document() };
  const root = doc.contents;
  if (!isMap(root)) return { problems, doc };
  const name = typeName ?? rootTypeFor(root.get('apiVersion'), root.get('kind'));
  if (name) validateSchema(root, name, doc, (p) => problems.push(p));
  return { problems, doc };
}

/** A compact view of problems for assertions. */
export function summary(problems: SchemaProblem[]): string[] {
  return problems.map((p) =>
    p.kind === 'unknown-field'
      ? `unknown-field ${p.path}${p.suggestion !== undefined ? ` -> ${p.suggestion}` : ''}`
      : `invalid-value ${p.path} ${JSON.stringify(p.value)} ${
          'enum' in p.expected ? `enum:${p.expected.enum.join('|')}` : `type:${p.expected.type}`
        }`,
  );
}

/** The source text under a node. */
export function textOf(text: string, node: { range?: [number, number, number] | null | undefined }): string {
  return node.range ? text.slice(node.range[0], node.range[1]) : '';
}
