import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHcl } from '../src/parse/terraform/parse-hcl.js';
import { SourceFile } from '../src/source/source-file.js';

// MB/s of parseHcl over every .tf file of ../shared/corpus and ../shared/bench: one warm-up
// round, then the median of 5 (or argv[2]) rounds. Run from the project root:
// `npm run build && node dist/scripts/bench-hcl.js [rounds]`.

const ROOTS = ['../shared/corpus', '../shared/bench'];

function collect(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (entry.isFile() && entry.name.endsWith('.tf')) out.push(path);
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
const rounds = Math.max(1, Number(process.argv[2] ?? 5));

function parseAll(): number {
  let errors = 0;
  for (const file of files) errors += parseHcl(file).errors.length;
  return errors;
}

const errors = parseAll(); // warm-up
const rates: number[] = [];
for (let round = 0; round < rounds; round++) {
  const started = performance.now();
  parseAll();
  rates.push(megabytes / ((performance.now() - started) / 1000));
}
rates.sort((a, b) => a - b);
const median = rates[rates.length >> 1] as number;
console.log(`${files.length} .tf files, ${megabytes.toFixed(2)} MB, ${errors} with syntax errors`);
console.log(`parseHcl: ${median.toFixed(1)} MB/s (median of ${rounds}; slowest ${(rates[0] as number).toFixed(1)}, fastest ${(rates[rates.length - 1] as number).toFixed(1)})`);
