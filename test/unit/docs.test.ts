/** Every rule is documented: a docs page, a README row, an English message, a settings enum entry. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleCatalogue } from '../../server/src/rules';
import { repoRoot } from '../helpers/paths';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { propertyNames?: { enum: string[] } }> } };
};

for (const { id, severity } of ruleCatalogue()) {
  test(`rule ${id} is documented`, () => {
    const page = join(repoRoot, 'docs', 'rules', `${id}.md`);
    assert.ok(existsSync(page), `missing ${page}`);
    assert.match(readFileSync(page, 'utf8'), new RegExp(`\\*\\*Default severity:\\*\\* ${severity}`));
    assert.match(readme, new RegExp(`\\[\`${id}\`\\]\\(docs/rules/${id}\\.md\\) \\| ${severity} \\|`));
    assert.ok(manifest.contributes.configuration.properties['podsight.rules']?.propertyNames?.enum.includes(id), `${id} missing in podsight.rules`);
  });
}
