import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RULES } from '../rules/index.js';
import { KICS_DOC, kicsParityMarkdown } from './kics-doc.js';
import { KICS_MAPPINGS } from './kics-mapping.js';
import { KICS_SUITE, percent, ratesOf, runQuery, suiteAvailable } from './kics-parity.js';
import type { FileOutcome, QueryOutcome } from './kics-parity.js';

/**
 * Agreement measured on the files whose disagreement the mapping does not explain (issue #5, measured when the
 * mapping was written). Raise them when a rule is fixed; a rule that regresses drops below them.
 */
const FILE_AGREEMENT_FLOOR = 1;
const LINE_AGREEMENT_FLOOR = 1;

test('KICS parity: mapped queries scanned with their inferguard rules', async (t) => {
  if (!suiteAvailable()) {
    t.skip(`no ${KICS_SUITE} (the shared KICS subset): parity not measured`);
    return;
  }
  const outcomes: QueryOutcome[] = [];
  for (const mapping of KICS_MAPPINGS) outcomes.push(await runQuery(mapping, RULES));

  const row = (label: string, files: readonly FileOutcome[]): string => {
    const rates = ratesOf(files);
    return `${label.padEnd(92)} files ${`${rates.filesAgreeing}/${rates.files}`.padStart(7)} ${percent(rates.filesAgreeing, rates.files).padStart(8)}  same resources ${`${rates.filesSameResources}/${rates.files}`.padStart(7)} ${percent(rates.filesSameResources, rates.files).padStart(8)}  lines ${`${rates.linesBoth}/${rates.linesEither}`.padStart(7)} ${percent(rates.linesBoth, rates.linesEither).padStart(8)}`;
  };
  t.diagnostic('query (rules) — file-level, resource-level and line agreement with KICS; * = some files explained in the mapping');
  for (const outcome of outcomes) {
    const { mapping } = outcome;
    const star = outcome.files.some((file) => file.explained !== undefined) ? ' *' : '';
    t.diagnostic(row(`${mapping.platform}/${mapping.query} (${mapping.rules.join(', ')})${star}`, outcome.files));
  }
  const all = outcomes.flatMap((outcome) => outcome.files);
  const unexplained = (files: readonly FileOutcome[]): FileOutcome[] => files.filter((file) => file.explained === undefined);
  for (const platform of [...new Set(KICS_MAPPINGS.map((mapping) => mapping.platform))]) {
    const files = outcomes.filter((outcome) => outcome.mapping.platform === platform).flatMap((outcome) => outcome.files);
    const queries = outcomes.filter((outcome) => outcome.mapping.platform === platform).length;
    t.diagnostic(row(`${platform}: ${queries} queries, all files`, files));
    t.diagnostic(row(`${platform}: without explained files`, unexplained(files)));
  }
  t.diagnostic(row(`overall: ${outcomes.length} queries, all files`, all));
  t.diagnostic(row('overall: without explained files', unexplained(all)));
  for (const file of all) {
    if (file.explained === undefined && (!file.fileAgrees || file.linesBoth !== file.linesEither)) {
      const owner = outcomes.find((outcome) => outcome.files.includes(file))?.mapping;
      t.diagnostic(`unexplained: ${owner?.platform}/${owner?.query}/${file.file}: KICS [${file.expected.join(', ')}], inferguard [${file.ours.join(', ')}]${file.error ? ` (${file.error})` : ''}`);
    }
  }

  await t.test('every mapped rule exists', () => {
    assert.deepEqual(outcomes.flatMap((outcome) => outcome.missingRules.map((id) => `${outcome.mapping.query}: ${id}`)), []);
  });
  await t.test('every fixture scans cleanly', () => {
    assert.deepEqual(all.filter((file) => file.error !== undefined).map((file) => `${file.file}: ${file.error}`), []);
  });
  await t.test('explained files still report the lines the mapping recorded (re-review the file when they move)', () => {
    const moved: string[] = [];
    for (const outcome of outcomes) {
      const names = new Set(outcome.files.map((file) => file.file));
      for (const name of Object.keys(outcome.mapping.explained ?? {})) if (!names.has(name)) moved.push(`${outcome.mapping.platform}/${outcome.mapping.query}/${name}: no such fixture`);
      for (const file of outcome.files) {
        if (file.recorded === undefined) continue;
        if (file.ours.join(',') !== file.recorded.join(',')) moved.push(`${outcome.mapping.platform}/${outcome.mapping.query}/${file.file}: recorded [${file.recorded.join(', ')}], now [${file.ours.join(', ')}]`);
      }
    }
    assert.deepEqual(moved, []);
  });
  await t.test('a location difference is only that: both tools flag the same resources or documents, at different lines', () => {
    const differ: string[] = [];
    for (const outcome of outcomes) {
      for (const file of outcome.files) {
        if (file.explained === undefined || !/^location convention/.test(file.explained)) continue;
        if (file.units.expected.join('|') !== file.units.ours.join('|')) differ.push(`${outcome.mapping.platform}/${outcome.mapping.query}/${file.file}: KICS in [${file.units.expected.join(', ')}], ours in [${file.units.ours.join(', ')}]`);
      }
    }
    assert.deepEqual(differ, []);
  });
  await t.test(`agreement without explained files: files ≥ ${FILE_AGREEMENT_FLOOR * 100} %, lines ≥ ${LINE_AGREEMENT_FLOOR * 100} %`, () => {
    const rates = ratesOf(unexplained(all));
    assert.ok(rates.filesAgreeing / rates.files >= FILE_AGREEMENT_FLOOR, `file-level agreement ${percent(rates.filesAgreeing, rates.files)}`);
    assert.ok(rates.linesBoth / rates.linesEither >= LINE_AGREEMENT_FLOOR, `line agreement ${percent(rates.linesBoth, rates.linesEither)}`);
  });
  await t.test('docs/kics-parity.md is what this run measures (run `npm run docs:kics`)', () => {
    assert.equal(readFileSync(KICS_DOC, 'utf8'), kicsParityMarkdown(outcomes));
  });
});
