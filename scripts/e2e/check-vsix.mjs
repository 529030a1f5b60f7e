#!/usr/bin/env node
// Lists a packaged .vsix and fails when it ships what it must not (sources, tests, node_modules,
// source maps, toolchain or CI files), misses what it must (manifest, client, language server),
// or is 2 MB or larger.   usage: node scripts/e2e/check-vsix.mjs [file.vsix]   (default: podsight-<version>.vsix)
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(new URL('../..', import.meta.url).pathname);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const file = path.resolve(process.argv[2] || path.join(root, `${pkg.name}-${pkg.version}.vsix`));
const LIMIT = 2 * 1024 * 1024;

// `unzip -Z1` would need the unzip package; read the zip's central directory ourselves.
function entries(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt central directory');
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    out.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLen), size });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

if (!fs.existsSync(file)) { console.error(`no ${path.relative(root, file)}; run npm run package`); process.exit(1); }
const buf = fs.readFileSync(file);
const list = entries(buf);
for (const e of list) console.log(`${String(e.size).padStart(9)}  ${e.name}`);
console.log(`${list.length} files, ${buf.length} bytes packed (limit ${LIMIT})`);

const FORBIDDEN = [
  [/(^|\/)node_modules\//, 'node_modules'],
  [/^extension\/(client|server|shared|test|scripts|out|examples|\.vscode-test|\.ci|\.github|docs)\//, 'sources, tests or tooling'],
  [/\.(ts|tsx|mts|cts)$/, 'TypeScript sources'],
  [/\.map$/, 'source maps'],
  [/^extension\/(tsconfig.*\.json|package-lock\.json|\.vscodeignore|\.gitignore)$/, 'build configuration'],
  [/\.vsix$/, 'a nested vsix'],
];
const problems = [];
for (const { name } of list) {
  for (const [re, what] of FORBIDDEN) if (re.test(name)) problems.push(`${name}: ${what} must not be packaged`);
}
const names = new Set(list.map((e) => e.name));
const required = ['extension/package.json', `extension/${pkg.main.replace(/^\.\//, '')}`, 'extension/dist/podsight.js'];
if (pkg.icon) required.push(`extension/${pkg.icon}`);
if (pkg.l10n) required.push(`extension/${pkg.l10n.replace(/^\.\//, '')}/bundle.l10n.zh-cn.json`);
for (const r of required) if (!names.has(r)) problems.push(`${r} is missing`);
if (buf.length >= LIMIT) problems.push(`${buf.length} bytes is not under 2 MB`);
for (const p of problems) console.error(`check-vsix: ${p}`);
if (problems.length) process.exit(1);
console.log(`check-vsix: ${path.basename(file)} OK`);
