import { writeFileSync } from 'node:fs';
import { KICS_DOC, kicsParityMarkdown } from '../src/peer-parity/kics-doc.js';
import { KICS_MAPPINGS } from '../src/peer-parity/kics-mapping.js';
import { runQuery, suiteAvailable, KICS_SUITE } from '../src/peer-parity/kics-parity.js';
import { RULES } from '../src/rules/index.js';

// Rewrites docs/kics-parity.md from a parity run over ../shared/peer-suites/kics. Run from the project root: `npm run docs:kics`.
if (!suiteAvailable()) {
  console.error(`no ${KICS_SUITE}: cannot measure parity`);
  process.exit(1);
}
const outcomes = [];
for (const mapping of KICS_MAPPINGS) outcomes.push(await runQuery(mapping, RULES));
writeFileSync(KICS_DOC, kicsParityMarkdown(outcomes));
console.log(`wrote ${KICS_DOC} (${outcomes.length} queries)`);
