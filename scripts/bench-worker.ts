import { discoverFiles } from '../src/discover/discover.js';
import { scanFiles } from '../src/pipeline/scan.js';
import { renderJson } from '../src/report/json.js';
import { RULES } from '../src/rules/index.js';

// One measured scan of one corpus, in its own process: discover → load → rules → report (JSON).
const root = process.argv[2] ?? '.';
const start = process.hrtime.bigint();
const discovered = await discoverFiles({ paths: [root], cwd: process.cwd() });
const { result, terraformMs } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules: RULES, failOn: 'high', today: '2026-01-01' });
const report = renderJson(result, { toolVersion: 'bench' });
const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
const isYaml = (path: string): boolean => /\.(ya?ml|json)$/i.test(path) && !path.endsWith('.tf.json');
const yamlRecords = result.files.filter((file) => isYaml(file.path) && file.kind !== 'terraform-plan');
const terraformRecords = result.files.filter((file) => file.kind === 'terraform' || file.kind === 'terraform-json' || file.kind === 'tfvars' || file.kind === 'terraform-plan');
process.stdout.write(
  JSON.stringify({
    files: result.files.length,
    bytes: result.files.reduce((sum, file) => sum + file.bytes, 0),
    yamlFiles: yamlRecords.length,
    yamlBytes: yamlRecords.reduce((sum, file) => sum + file.bytes, 0),
    loadedBytes: result.files.filter((file) => file.documents !== undefined).reduce((sum, file) => sum + file.bytes, 0),
    terraformFiles: terraformRecords.length,
    terraformBytes: terraformRecords.reduce((sum, file) => sum + file.bytes, 0),
    documents: result.files.reduce((sum, file) => sum + (file.documents ?? 0), 0),
    findings: result.findings.length,
    reportBytes: report.length,
    wallMs,
    terraformMs,
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
);
