// The parse floor: how long the `yaml` package alone takes to parse a file (parseAllDocuments,
// default options), median over warm runs in a fresh process. Prints one JSON line.
//   node bench/parse-floor.mjs FILE [RUNS]
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const [file, runsArg] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const runs = Number(runsArg ?? 7);
const times = [];
let t = performance.now();
parseAllDocuments(text);
const cold = performance.now() - t;
for (let i = 0; i < runs; i++) {
  t = performance.now();
  parseAllDocuments(text);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ cold, median: times[times.length >> 1], min: times[0] }));
