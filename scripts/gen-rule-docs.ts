import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedRuleDocs } from '../src/rules/rule-docs-files.js';

// Regenerates docs/rules/ from rule metadata. Run from the project root: `npm run docs`.
const folder = 'docs/rules';
mkdirSync(folder, { recursive: true });
const expected = expectedRuleDocs();
for (const name of readdirSync(folder)) if (!expected.has(name)) rmSync(join(folder, name));
for (const [name, text] of expected) writeFileSync(join(folder, name), text);
console.log(`wrote ${expected.size} files to ${folder}`);
