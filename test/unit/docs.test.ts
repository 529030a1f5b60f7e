/** Every rule is documented: a docs page, a README row, an English message, a settings enum entry. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleCatalogue } from '../../server/src/rules';
import { repoRoot } from '../helpers/paths';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { propertyNames?: { enum: string[] }; properties?: Record<string, { enum: string[]; markdownDescription: string }>; markdownDescription?: string }> } };
};
const nls = (name: string): Record<string, string> => JSON.parse(readFileSync(join(repoRoot, name), 'utf8')) as Record<string, string>;
const nlsEn = nls('package.nls.json');
const nlsZh = nls('package.nls.zh-cn.json');

for (const { id, severity } of ruleCatalogue()) {
  test(`rule ${id} is documented`, () => {
    const page = join(repoRoot, 'docs', 'rules', `${id}.md`);
    assert.ok(existsSync(page), `missing ${page}`);
    assert.match(readFileSync(page, 'utf8'), new RegExp(`\\*\\*Default severity:\\*\\* ${severity}`));
    assert.match(readme, new RegExp(`\\[\`${id}\`\\]\\(docs/rules/${id}\\.md\\) \\| ${severity} \\|`));
    const setting = manifest.contributes.configuration.properties['podsight.rules'];
    assert.ok(setting?.propertyNames?.enum.includes(id), `${id} missing in podsight.rules`);
    // Its own property, so the Settings editor offers the id with the five levels and a link to the page.
    const property = setting?.properties?.[id];
    assert.deepEqual(property?.enum, ['error', 'warning', 'information', 'hint', 'off'], `${id} has no property in podsight.rules`);
    const key = property?.markdownDescription.replace(/^%|%$/g, '') ?? '';
    for (const texts of [nlsEn, nlsZh]) assert.ok(texts[key]?.includes(`docs/rules/${id}.md`), `${key} does not link the docs page`);
  });
}

test('every setting\'s description links to its docs, in both languages', () => {
  for (const [name, setting] of Object.entries(manifest.contributes.configuration.properties)) {
    const key = setting.markdownDescription?.replace(/^%|%$/g, '');
    assert.ok(key, `${name} has no markdownDescription`);
    for (const texts of [nlsEn, nlsZh]) assert.match(texts[key] ?? '', /\]\(https:\/\/[^)]+\)/, `${name}: no link in ${key}`);
  }
});
