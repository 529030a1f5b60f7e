/**
 * Random edit sequences for the incremental = fresh differential test: what editors send through
 * `textDocument/didChange` (typing, deleting, pasting blocks, adding and removing `---`, CRLF and
 * lone-CR line breaks, BOMs, Chinese text), plus closing and reopening at the same version.
 * Seeded, so a failing sequence replays exactly.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-protocol';
import { random } from '../../helpers/random';

export { random };

/** One step of a sequence. `wait`: let the server publish before the next step (else: fast typing). */
export type Step =
  | { readonly kind: 'edit'; readonly range: Range; readonly text: string; readonly wait?: boolean }
  /** Close, then open again at the same version: with the same text, or with `text`. */
  | { readonly kind: 'reopen'; readonly text?: string };

/** A sequence: the text opened first and the steps applied to it. Saved as JSON for regressions. */
export interface Sequence {
  readonly name: string;
  readonly initial: string;
  readonly steps: readonly Step[];
}


const TYPED = ['a', 'x', ' ', ':', '-', '#', '"', "'", '{', '}', '[', ']', ',', '0', '8', '中', '文', '😀', '\t', '\n', '\r\n', '\r', '&', '*', '|', '>'];
const BLOCKS = [
  '---\n',
  '\n---\n',
  '  - name: x\n    image: nginx\n',
  '    ports:\n    - containerPort: 80\n',
  'kind: Pod\r\n',
  '名称: 值\n',
  '\ufeff',
  '{{ .Values.x }}',
  'apiVersion: v1\rkind: Service\rmetadata: {name: s}\rspec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}\r',
  '\r\n---\r\n',
  '\r---\r',
];

/** The sequence number `index` of a run seeded with `seed`, starting from one of `texts`. */
export function makeSequence(seed: number, index: number, texts: readonly { name: string; text: string }[]): Sequence {
  const rnd = random(seed * 100_003 + index);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const source = pick(texts);
  // A fifth of the files are opened with CRLF or lone-CR line breaks.
  const initial = rnd() < 0.2 ? source.text.replace(/\r?\n/g, rnd() < 0.5 ? '\r\n' : '\r') : source.text;
  const doc = TextDocument.create('file:///seq.yaml', 'yaml', 1, initial);
  const steps: Step[] = [];
  const count = 3 + Math.floor(rnd() * 25);
  let version = 1;
  for (let i = 0; i < count; i++) {
    if (rnd() < 0.04) {
      // Closed and opened again at once, at the same version: half the time with other content,
      // and half the time twice in a row (the second close lands while the first open's check waits for settings).
      for (let k = rnd() < 0.5 ? 2 : 1; k > 0; k--) {
        const other = rnd() < 0.5 ? pick(texts).text : undefined;
        if (other !== undefined) TextDocument.update(doc, [{ text: other }], version);
        steps.push(other === undefined ? { kind: 'reopen' } : { kind: 'reopen', text: other });
      }
      continue;
    }
    const text = doc.getText();
    const at = Math.floor(rnd() * (text.length + 1));
    const r = rnd();
    let length = 0;
    let insert = '';
    if (r < 0.45) insert = pick(TYPED); // typing
    else if (r < 0.65) length = 1 + Math.floor(rnd() * (rnd() < 0.8 ? 3 : 200)); // deleting
    else if (r < 0.8) insert = pick(BLOCKS); // pasting
    else if (r < 0.9) {
      // a line copied from elsewhere in the text (paste of real content)
      const from = Math.floor(rnd() * text.length);
      const lineStart = text.lastIndexOf('\n', from) + 1;
      const lineEnd = text.indexOf('\n', from);
      insert = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd + 1);
    } else {
      // removing a `---` line, or a line break of any kind (CRLF → lone CR)
      const target = rnd() < 0.5 ? text.indexOf('---', at) : text.indexOf('\n', at);
      if (target >= 0) {
        steps.push(edit(doc, target, target + (text[target] === '-' ? 3 : 1), '', rnd() < 0.2, ++version));
        continue;
      }
    }
    steps.push(edit(doc, at, Math.min(text.length, at + length), insert, rnd() < 0.2, ++version));
  }
  return { name: `${source.name}#${seed}.${index}`, initial, steps };
}

/** Applies one edit to the client's copy (as the server's TextDocuments will) and records it as LSP positions. */
function edit(doc: TextDocument, start: number, end: number, text: string, wait: boolean, version: number): Step {
  const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
  TextDocument.update(doc, [{ range, text }], version);
  return { kind: 'edit', range, text, ...(wait ? { wait } : {}) };
}
