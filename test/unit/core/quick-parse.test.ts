/**
 * The quick parser (core/quick-parse.ts) must build exactly what `yaml` builds, or give up.
 * Held to that on every chunk of the real-world corpus, on the benchmark's generated manifests,
 * on hand-picked cases, and (in test/unit/fuzz) on mutated manifests.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { splitChunks } from '../../../server/src/core/parse';
import { maskTemplateActions } from '../../../server/src/core/template-mask';
import { corpus2Dir, corpusDir, repoRoot, yamlFiles } from '../../helpers/paths';
import { quickShape, yamlShape } from '../../helpers/yaml-shape';

test('quick parse: every corpus chunk it takes comes out as yaml builds it, and it takes most', () => {
  let chunks = 0;
  let quick = 0;
  for (const file of yamlFiles(corpusDir)) {
    for (const chunk of splitChunks(readFileSync(file, 'utf8'))) {
      chunks++;
      const shape = quickShape(chunk.text);
      if (shape === undefined) continue;
      quick++;
      assert.equal(shape, yamlShape(chunk.text), `${file} at offset ${chunk.start}`);
    }
  }
  // Measured at 77%: the rest are templates, comment-only chunks, anchors, escapes, multi-line
  // scalars and flow collections, duplicate keys...
  assert.ok(quick / chunks > 0.7, `only ${quick} of ${chunks} corpus chunks were parsed quickly`);
});

test('quick parse: the Helm templates of both corpora, masked, come out as yaml builds them, and most are taken', () => {
  // parseChunk gives a template's masked text to the quick parser first.
  let templates = 0;
  let quick = 0;
  for (const file of [...yamlFiles(corpusDir), ...yamlFiles(corpus2Dir)]) {
    for (const chunk of splitChunks(readFileSync(file, 'utf8'))) {
      if (!chunk.text.includes('{{')) continue;
      templates++;
      const masked = maskTemplateActions(chunk.text).text;
      const shape = quickShape(masked);
      if (shape === undefined) continue;
      quick++;
      assert.equal(shape, yamlShape(masked), `${file} at offset ${chunk.start}`);
    }
  }
  assert.ok(templates > 100 && quick / templates > 0.5, `${quick} of ${templates} masked templates were parsed quickly`);
});

test('quick parse: the benchmark manifest is parsed quickly throughout', async () => {
  const { generate } = (await import(pathToFileURL(join(repoRoot, 'bench/gen-manifest.mjs')).href)) as { generate: (o: { docs: number; seed: number }) => { text: string } };
  const { text } = generate({ docs: 200, seed: 7 });
  for (const chunk of splitChunks(text)) assert.equal(quickShape(chunk.text), yamlShape(chunk.text), chunk.text);
});

const agrees: Record<string, string> = {
  'scalars of every kind': 'a: x\nb: "q"\nc: \'it\'\'s\'\nd: 1\ne: 0x1F\nf: yes\ng: ~\nh:\ni: 1.5\nj: .inf\nk: -1\n',
  'comments at the indentation of what follows': '---\n# lead\napiVersion: v1 # trailing\n# before kind\nkind: Pod\nspec:\n  # inside\n  containers:\n  # item\n  - name: a\n# root level\nstatus: {}\n# end\n',
  'sequences at and below their key': 'a:\n- 1\n- 2\nb:\n  - x: 1\n    y: 2\n  -   z: 3\n  -\n    w: 4\n',
  // The spaces are content: the scalar (and the collections around it) end after that line.
  'block scalars ending in a line of spaces beyond their indentation': 'a: |\n  x\n      \nb:\n  c: |-\n    y\n\n        \nd: 1\n',
  'block scalars': 'a: |\n  x\n\n  y\nb: >-\n  p\n  q\n\n  r\nc: |-\n    lead\n  \n    end\n\nd: 1\n',
  'one-line flow collections': 'a: [1, "b" , c]\nb: {x: 1, "y": 2}\nc: []\nd: {}\n',
  'comments that the collection before them takes': 'a:\n  b:\n  - 1\n  # c\n  d: 2\n  e:\n    f: 1\n    # g\nh:\n- 1\n# i\nj: 1\n',
  'values on the line after their key': 'a:\n  {}\nb:\n  [1]\nc:\n  # why\n  x\n',
  'CRLF line breaks': 'a: b # c\r\n\r\nd:\r\n  - e: |\r\n      x\r\n\r\n      y\r\n    f: [1, 2]\r\n  # g\r\nh: >-\r\n  i\r\n  j\r\n',
  'no newline at the end': 'a: b',
  'no newline after a block scalar': 'a: |\n  x',
  'double-quoted escapes': 'a: "x\\ny"\nb: "q\\"q \\\\ \\/"\nc: "\\x41\\u00e9\\U0001F600\\ud83d\\ude00"\nd: "\\0\\a\\b\\e\\f\\r\\t\\v\\N\\_\\L\\P\\ "\ne: ["\\"x", "y\\n"] # c\n',
  'plain scalars that start with an indicator character in a flow collection': 'a: [-1, ?x, :y, b-, c?]\n',
  'a mapping of many keys': Array.from({ length: 40 }, (_, i) => `k${i}: ${i}\n`).join(''),
};
for (const [name, text] of Object.entries(agrees)) {
  test(`quick parse takes and agrees: ${name}`, () => {
    assert.equal(quickShape(text), yamlShape(text));
  });
}

const leftToYaml: Record<string, string> = {
  anchor: 'a: &x 1\nb: *x\n',
  tag: 'a: !!str 1\n',
  merge: 'a: {x: 1}\nb:\n  <<: {x: 1}\n',
  'duplicate key': 'a: 1\na: 2\n',
  'duplicate key after 1.1 resolution': 'yes: 1\ntrue: 2\n',
  'duplicate key among many': Array.from({ length: 30 }, (_, i) => `k${i}: ${i}\n`).join('') + 'k3: again\n',
  'duplicate key among a few': 'a: 1\nb: 2\nc: 3\nb: 4\n',
  'an unknown double-quoted escape': 'a: "x\\qy"\n',
  'a double-quoted escape with too few hex digits': 'a: "\\x4"\n',
  'a code point past Unicode': 'a: "\\U00110000"\n',
  'an escaped line break': 'a: "x\\\n  y"\n',
  'multi-line plain scalar': 'a: one\n  two\n',
  'multi-line quoted scalar': 'a: "one\n  two"\n',
  'comment that a scalar absorbs': 'a:\n  b: 1\n      # c\nd: 2\n',
  'comment on an empty value': 'a: # c\nb: 1\n',
  'empty value at the end': 'a: 1\nb:\n',
  'comment after an empty value': 'a:\n  b:\n  # c\n  d: 1\n',
  'indentation indicator': 'a: |2\n   x\n',
  'keep chomping': 'a: |+\n  x\n\n',
  tab: 'a:\tb\n',
  'lone carriage return': 'a: b\rc: d\n',
  'byte order mark': '\uFEFFa: b\n',
  'document end marker': 'a: b\n...\n',
  directive: '%YAML 1.1\n---\na: b\n',
  'nested mapping on one line': 'a: b: c\n',
  'bad indentation': 'a:\n  b: 1\n c: 2\n',
  'empty document': '# only a comment\n',
  'scalar document': 'just text\n',
  'multi-line flow collection': 'a: [1,\n  2]\n',
  // In a flow collection `?`, `-` and `:` before a flow indicator are indicators: `[?]` holds a map.
  'an indicator alone in a flow collection': 'a: [?]\n',
  'an indicator before a comma in a flow collection': 'a: [b, -, c]\n',
};
for (const [name, text] of Object.entries(leftToYaml)) {
  test(`quick parse leaves to yaml: ${name}`, () => {
    assert.equal(quickShape(text), undefined);
  });
}

test('quick parse leaves deep nesting to yaml (no deep recursion)', () => {
  const deep = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
  assert.equal(quickShape(deep), undefined);
  const shallow = Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
  assert.equal(quickShape(shallow), yamlShape(shallow));
});
