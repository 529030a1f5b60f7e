#!/usr/bin/env node
// The `podsight` command of the npm package: the bundled CLI and language server (dist/podsight.js,
// built by `npm run build` or the package's `prepare` script; it has no runtime dependencies).
try {
  require.resolve('../dist/podsight.js');
} catch {
  process.stderr.write('podsight: dist/podsight.js is missing; run `npm run build` in the Podsight folder\n');
  process.exit(2);
}
require('../dist/podsight.js');
