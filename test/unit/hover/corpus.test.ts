/**
 * Hovers never throw on the real-world corpus: every file is hovered every few characters, in
 * both languages, and every hover range lies inside the file.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { hoverAt } from '../../../server/src/hover';
import { corpusDir } from '../../helpers/paths';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.ya?ml$/.test(name) ? [p] : [];
  });
}

test('hovering the real-world corpus never throws', { skip: !existsSync(corpusDir) && 'corpus not present' }, () => {
  let hovers = 0;
  for (const file of files(corpusDir)) {
    const text = readFileSync(file, 'utf8');
    const analysis = analyzeText(text, {});
    for (let offset = 0; offset <= text.length; offset += 23) {
      for (const locale of ['en', 'zh-cn'] as const) {
        let h;
        try {
          h = hoverAt(analysis, offset, locale, {});
        } catch (error) {
          assert.fail(`${file} @${offset} (${locale}): ${String(error instanceof Error ? error.stack : error)}`);
        }
        if (!h) continue;
        hovers++;
        assert.ok(h.start >= 0 && h.end <= text.length && h.start <= offset + 1 && offset <= h.end + 1, `${file} @${offset}: range ${h.start}-${h.end}`);
        assert.doesNotMatch(h.markdown, /(?<!\$)\{\w+\}|\bundefined\b(?!-)|^---/, `${file} @${offset}: ${h.markdown.slice(0, 300)}`);
      }
    }
  }
  assert.ok(hovers > 1000, `only ${hovers} hovers`);
});
