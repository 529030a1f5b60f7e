/**
 * Long plain scalars (descriptions, mostly) skip the quick parser's cache and its tag tests
 * (core/quick-scalars.ts `isProse`): they must still come out as `yaml` resolves them, under the
 * YAML 1.2 core schema and YAML 1.1's (where `e5`, `on` or `2001-12-14 21:59:43.10` are no strings).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isScalar, parseDocument, type Scalar } from 'yaml';
import { YAML_OPTIONS } from '../../../server/src/core/parse';
import { quickParse } from '../../../server/src/core/quick-parse';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['e', 'E', '5', '0', '1', '_', '.', ':', '-', '+', ' ', 'x', 'o', 'b', 'inf', 'nan', 'Yes', 'true', 'null', '~', 'a', 'T', 'Z', '2001-12-14', '21:59:43', '.10', ' -05:00', 'The field ', '0x1F', '0o17', 'NaN'];

function scalarOf(doc: { contents: unknown }): Scalar | undefined {
  const contents = doc.contents as { items?: { value?: unknown }[] } | null;
  const value = contents?.items?.[0]?.value;
  return isScalar(value) ? value : undefined;
}

test('long plain scalars resolve as yaml resolves them (1.2 core and 1.1 schemas)', () => {
  const next = random(19);
  let quick = 0;
  let resolved = 0;
  for (const version of ['1.2', '1.1'] as const) {
    const options = { ...YAML_OPTIONS, version };
    for (let i = 0; i < 20_000; i++) {
      let value = '';
      // Mostly 40 characters and more (the prose path), some just under.
      const length = 34 + Math.floor(next() * 30);
      const digits = (n: number): string => Array.from({ length: n }, () => '0123456789_'[Math.floor(next() * 11)]).join('');
      const kind = Math.floor(next() * 6);
      // Values a core tag takes, written long: ints, floats, `e5`-like floats and sexagesimals
      // (YAML 1.1), timestamps with a long fraction (1.1); else prose of random pieces.
      if (kind === 0) value = `${next() < 0.3 ? '-' : ''}1${digits(length)}`;
      else if (kind === 1) value = `${digits(length / 2)}.${digits(length / 2)}`;
      else if (kind === 2) value = `${next() < 0.5 ? 'e' : 'E'}${next() < 0.5 ? '+' : ''}${'123456789'.repeat(6).slice(0, length)}`;
      else if (kind === 3) value = `1${Array.from({ length: length / 3 }, () => `:${Math.floor(next() * 60)}`).join('')}`;
      else if (kind === 4) value = `2001-12-14 21:59:43.${'1234567890'.repeat(5).slice(0, length - 20)} -05:00`;
      else while (value.length < length) value += PIECES[Math.floor(next() * PIECES.length)] as string;
      value = value.trim();
      const text = `key: ${value}\n`;
      const expected = parseDocument(text, options);
      if (expected.errors.length > 0 || expected.warnings.length > 0) continue;
      const got = quickParse(text, options);
      if (!got) continue;
      quick++;
      const a = scalarOf(got);
      const b = scalarOf(expected);
      if (typeof b?.value !== 'string') resolved++;
      const show = (s: Scalar | undefined): string => JSON.stringify([String(s?.value), typeof s?.value, s?.format, s?.source]);
      assert.equal(show(a), show(b), `${version}: ${JSON.stringify(value)}`);
    }
  }
  assert.ok(quick > 20_000, `${quick} quick parses`);
  assert.ok(resolved > 5_000, `${resolved} long values a tag takes`);
});
