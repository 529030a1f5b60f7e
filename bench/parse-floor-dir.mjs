// The parse floor at repository scale: one process reads every YAML file under DIR and parses it
// with `yaml` (parseAllDocuments, default options), one after another, keeping nothing. The bench
// times the whole process (start included), as it times `podsight check DIR`.
//   node bench/parse-floor-dir.mjs DIR
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.ya?ml$/i.test(name)) out.push(p);
  }
  return out;
}
let docs = 0;
for (const file of walk(process.argv[2], [])) docs += parseAllDocuments(readFileSync(file, 'utf8')).length;
console.log(JSON.stringify({ docs }));
