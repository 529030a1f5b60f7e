import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { validateUserImages } from '../../../server/src/k8s/images';
import { catalogueKeys, t, type Locale } from '../../../server/src/l10n';
import { hoverEn } from '../../../server/src/l10n/en/hover';
import { rulesEn } from '../../../server/src/l10n/en/rules';
import { hoverZhCn } from '../../../server/src/l10n/zh-cn/hover';
import { rulesZhCn } from '../../../server/src/l10n/zh-cn/rules';
import { repoRoot } from '../../helpers/paths';

const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

test('zh-cn has exactly the keys of en, in every catalogue', () => {
  const en = new Set(catalogueKeys('en'));
  const zh = new Set(catalogueKeys('zh-cn'));
  assert.deepEqual([...en].filter((k) => !zh.has(k)), [], 'keys missing in zh-cn');
  assert.deepEqual([...zh].filter((k) => !en.has(k)), [], 'keys only in zh-cn');
  for (const [name, a, b] of [['rules', rulesEn, rulesZhCn], ['hover', hoverEn, hoverZhCn]] as const) {
    assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort(), `${name}: zh-cn keys differ from en`);
  }
});

test('every message renders in both languages with the same placeholders', () => {
  for (const key of catalogueKeys('en')) {
    const enText = t('en', key);
    const zhText = t('zh-cn', key);
    assert.ok(enText.trim().length > 0 && enText !== key, `en ${key} is empty`);
    assert.ok(zhText.trim().length > 0 && zhText !== key, `zh-cn ${key} is empty`);
    assert.deepEqual(placeholders(zhText), placeholders(enText), `placeholders differ for ${key}`);
    // Rendering with every placeholder filled leaves none visible.
    const args = Object.fromEntries(placeholders(enText).map((p) => [p, `<${p}>`]));
    for (const locale of LOCALES) assert.doesNotMatch(t(locale, key, args).replace(/\{\{ \}\}/g, ''), /\{\w+\}/, `${locale} ${key} leaves a placeholder`);
  }
});

test('Chinese messages are Chinese, and keep the kubectl quotes in English', () => {
  for (const key of catalogueKeys('zh-cn')) {
    const zh = t('zh-cn', key);
    if (key.startsWith('hover.link.') || ['hover.net.col.port', 'hover.list-sep', 'cli.summary-separator', 'templated-file.blocks.none', 'hover.colon', 'hover.pod.item', 'hover.net.sentence-end', 'hover.volume.title-source', 'mount-shadows-image.volume'].includes(key) || key.includes('.what.')) continue;
    if (/^[`*{}<>"'\s\w.:/()|—-]*$/.test(zh)) continue; // only code, placeholders and punctuation
    assert.match(zh, /[\u4e00-\u9fff]/, `zh-cn ${key} has no Chinese text: ${zh}`);
  }
  assert.match(t('zh-cn', 'port-conflict.message'), /duplicate port definition with \{otherPath\}/);
  assert.match(t('zh-cn', 'unknown-field.kubectl'), /strict decoding error: unknown field "\{path\}"/);
});

test('package.nls.zh-cn.json translates every key of package.nls.json', () => {
  const read = (name: string): Record<string, string> => JSON.parse(readFileSync(join(repoRoot, name), 'utf8')) as Record<string, string>;
  const en = read('package.nls.json');
  const zh = read('package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) assert.match(zh[key] ?? '', /[\u4e00-\u9fff]/, `package.nls.zh-cn.json ${key}`);
  // Every %key% placeholder in package.json has an English text.
  const manifest = readFileSync(join(repoRoot, 'package.json'), 'utf8');
  for (const m of manifest.matchAll(/"%([\w.-]+)%"/g)) assert.ok(m[1] && m[1] in en, `package.nls.json lacks ${m[1]}`);
});

test('image-settings validation speaks the requested language', () => {
  assert.match(validateUserImages({ 'myorg/api': { ports: ['x'] } }, 'zh-cn').errors[0] ?? '', /应为 1 到 65535 之间的端口号/);
  assert.match(validateUserImages({ 'myorg/api': { ports: ['x'] } }).errors[0] ?? '', /expected a port number between 1 and 65535/);
});

test('a Chinese message put together from several texts has no space after full-width punctuation (sweep DV)', async () => {
  const { analyzeText } = await import('../../../server/src/core/analyze.js');
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - {name: web, image: nginx, 端口: 1}\n  - {name: app, image: busybox, env: [{name: A, valeu: "1"}]}\n';
  const messages = analyzeText(text, { locale: 'zh-cn' }).findings.filter((f) => f.rule === 'unknown-field').map((f) => f.message);
  assert.equal(messages.length, 2);
  for (const m of messages) assert.doesNotMatch(m, /[。？！] /, m);
  assert.match(messages[1] ?? '', /"valeu"。是否想写 "value"？kubectl apply/);
  // English keeps its spaces.
  assert.match(analyzeText(text).findings.find((f) => f.rule === 'unknown-field')?.message ?? '', /\. kubectl apply|\. /);
});
