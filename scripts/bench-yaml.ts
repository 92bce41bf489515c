import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadYamlStream } from '../src/parse/kubernetes/load-yaml.js';
import { SourceFile } from '../src/source/source-file.js';

// MB/s of loadYamlStream over every YAML/JSON file of ../shared/corpus and ../shared/bench,
// against yaml's parseAllDocuments + toJS (what loadYamlStream replaces). Run from the project
// root: `npm run build && node dist/scripts/bench-yaml.js [rounds]`.

const ROOTS = ['../shared/corpus', '../shared/bench'];

function collect(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (/\.(ya?ml|json)$/.test(entry.name)) out.push(path);
  }
}

const paths: string[] = [];
for (const root of ROOTS) if (existsSync(root)) collect(root, paths);
if (paths.length === 0) {
  console.log('no corpus found under ../shared: nothing to measure');
  process.exit(0);
}
const files = paths.map((path) => new SourceFile(path, readFileSync(path, 'utf8')));
const megabytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0) / 1e6;
const rounds = Number(process.argv[2] ?? 5);

function measure(name: string, run: (file: SourceFile) => number): void {
  run(files[0] as SourceFile);
  for (const file of files) run(file); // warm-up
  const rates: number[] = [];
  let documents = 0;
  for (let round = 0; round < rounds; round++) {
    documents = 0;
    const started = performance.now();
    for (const file of files) documents += run(file);
    rates.push(megabytes / ((performance.now() - started) / 1000));
  }
  rates.sort((a, b) => a - b);
  const median = rates[rates.length >> 1] as number;
  console.log(`${name.padEnd(34)} ${median.toFixed(1).padStart(6)} MB/s  (median of ${rounds}; best ${(rates[rates.length - 1] as number).toFixed(1)}; ${documents} documents)`);
}

console.log(`${files.length} files, ${megabytes.toFixed(1)} MB of YAML/JSON`);
measure('loadYamlStream', (file) => loadYamlStream(file).length);
measure('yaml parseAllDocuments + toJS', (file) => {
  let count = 0;
  for (const document of parseAllDocuments(file.text, { uniqueKeys: true, logLevel: 'silent' })) {
    try {
      document.toJS({ maxAliasCount: 100 });
    } catch {
      // alias bombs and the like: counted all the same
    }
    count++;
  }
  return count;
});
