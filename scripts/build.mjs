// Build: esbuild bundles for the extension (dist/) and a tsc emit of sources and tests (out/).
// `--bundles-only` skips the tsc step (packaging); `--watch` rebuilds bundles on change.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // `yaml`'s ES module build: bundled from CommonJS, every `yaml` export is read through a getter,
  // which cost a tenth of the analysis time. The code is the same.
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/podsight.js', alias: { yaml: './node_modules/yaml/browser/index.js' } },
];
if (existsSync(`${root}client/webview/main.ts`)) {
  builds.push({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/webview/main.ts'], outfile: 'dist/webview/main.js' });
}

const present = builds.filter((b) => existsSync(root + b.entryPoints[0]));
if (args.has('--watch')) {
  for (const b of present) (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
  // The webview's CSP forbids inline styles, so its stylesheet (a TS string shared with the CLI's SVG) becomes a file.
  if (existsSync(`${root}client/webview/styles.ts`)) {
    const r = await esbuild.build({ entryPoints: ['client/webview/styles.ts'], bundle: true, write: false, format: 'cjs', platform: 'node', absWorkingDir: root });
    const m = { exports: {} };
    new Function('module', 'exports', r.outputFiles[0].text)(m, m.exports);
    mkdirSync(`${root}dist/webview`, { recursive: true });
    writeFileSync(`${root}dist/webview/main.css`, m.exports.css);
  }
  if (!args.has('--bundles-only')) {
    const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', root], { stdio: 'inherit' });
    if (tsc.status !== 0) process.exit(tsc.status ?? 1);
    if (existsSync(`${root}client/webview/tsconfig.json`)) {
      const web = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}client/webview`], { stdio: 'inherit' });
      if (web.status !== 0) process.exit(web.status ?? 1);
    }
  }
}
