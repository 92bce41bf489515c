import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Prints speed and memory figures. Each corpus is scanned in a fresh process so that RSS is its own.
// Run from the project root: `npm run bench`.

const PLAN_FIXTURE = 'src/model/adapt/__fixtures__/terraform-plan/plan.json';
// Under the default 5 MiB file size limit (a larger plan needs `maxFileSize` raised).
const PLAN_COPIES = 80;
const dir = mkdtempSync(join(tmpdir(), 'inferguard-bench-'));
const syntheticPlan = join(dir, 'plan.json');
writeFileSync(syntheticPlan, JSON.stringify(replicatePlan(JSON.parse(readFileSync(PLAN_FIXTURE, 'utf8')) as PlanJson, PLAN_COPIES), null, 2));

const CORPORA = ['../shared/corpus', '../shared/bench/dennyzhang__kubernetes-yaml-templates@92efe39', '../shared/bench/cloudposse__terraform-aws-components@0.182.0', '../shared/bench'];
const worker = 'dist/scripts/bench-worker.js';
const cli = 'dist/src/cli/main.js';

interface WorkerFigures {
  files: number;
  bytes: number;
  yamlFiles: number;
  yamlBytes: number;
  terraformFiles: number;
  terraformBytes: number;
  loadedBytes: number;
  documents: number;
  findings: number;
  wallMs: number;
  terraformMs: number;
  maxRssKiB: number;
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(2);
}

console.log(`The synthetic plan is the plan fixture's configuration called ${PLAN_COPIES} times as modules (the plan of a large platform repository).`);
console.log('MB/s = all bytes / wall. TF = .tf, .tf.json, .tfvars and plan files; TF s = time spent parsing and evaluating them. YAML MB/s = YAML/JSON bytes (parsed or classified and skipped) / (wall - TF s); parsed MB/s = YAML/JSON bytes actually parsed / (wall - TF s).');
console.log('corpus'.padEnd(64), 'files', '   MB', 'YAML MB', 'TF files', 'TF MB', ' docs', 'findings', 'wall s', 'TF s', 'MB/s', 'YAML MB/s', 'parsed MB/s', 'peak RSS MB');
for (const corpus of [...CORPORA, syntheticPlan]) {
  if (!existsSync(corpus)) {
    console.log(`${corpus}: missing, skipped`);
    continue;
  }
  const run = spawnSync(process.execPath, [worker, corpus], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) {
    console.log(`${corpus}: worker failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
    continue;
  }
  const figures = JSON.parse(run.stdout) as WorkerFigures;
  const seconds = figures.wallMs / 1000;
  const yamlSeconds = (figures.wallMs - figures.terraformMs) / 1000;
  console.log(
    (corpus === syntheticPlan ? `synthetic plan (${mb(figures.bytes)} MB)` : corpus).padEnd(64),
    String(figures.files).padStart(5),
    mb(figures.bytes).padStart(5),
    mb(figures.yamlBytes).padStart(7),
    String(figures.terraformFiles).padStart(8),
    mb(figures.terraformBytes).padStart(5),
    String(figures.documents).padStart(5),
    String(figures.findings).padStart(8),
    seconds.toFixed(2).padStart(6),
    (figures.terraformMs / 1000).toFixed(2).padStart(4),
    (figures.bytes / 1e6 / seconds).toFixed(1).padStart(4),
    (figures.yamlBytes / 1e6 / yamlSeconds).toFixed(1).padStart(9),
    (figures.loadedBytes / 1e6 / yamlSeconds).toFixed(1).padStart(11),
    (figures.maxRssKiB / 1024).toFixed(0).padStart(11),
  );
}

// HCL parser alone over every .tf file of the corpora (its own script, also runnable by itself).
const hcl = spawnSync(process.execPath, ['dist/scripts/bench-hcl.js', '5'], { encoding: 'utf8' });
process.stdout.write(hcl.status === 0 ? hcl.stdout : `bench-hcl failed (${hcl.status}): ${hcl.stderr.slice(0, 2000)}\n`);

// Cold start: the whole CLI, one small manifest, median of several runs.
const small = join(dir, 'pod.yaml');
writeFileSync(small, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: serving\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n');
const times: number[] = [];
for (let i = 0; i < 11; i++) {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, [cli, 'scan', small, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
// The serving graph over the corpus and a ×10 copy of it (graph build and graph rules, models loaded apart).
interface GraphFigures {
  objects: number;
  workloads: number;
  resources: number;
  nodes: number;
  edges: number;
  findings: number;
  endpoints: number;
  graphMs: number;
  rulesMs: number;
  threatsMs: number;
  maxRssKiB: number;
}
const graphWorker = 'dist/scripts/bench-graph-worker.js';
if (existsSync(CORPORA[0] as string)) {
  const copies = join(dir, 'corpus-x10');
  for (let i = 0; i < 10; i++) cpSync(CORPORA[0] as string, join(copies, `copy-${i}`), { recursive: true });
  console.log('serving graph (models loaded first; graph build, graph rules and threat model timed apart)');
  console.log('tree'.padEnd(24), 'objects', 'workloads', 'TF resources', ' nodes', ' edges', 'findings', 'endpoints', 'graph ms', 'rules ms', 'threats ms', 'peak RSS MB');
  const rows: Array<[string, GraphFigures]> = [];
  for (const [label, tree] of [['corpus', CORPORA[0] as string], ['corpus ×10', copies]] as const) {
    const run = spawnSync(process.execPath, ['--max-old-space-size=8192', graphWorker, tree], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) {
      console.log(`${label}: graph worker failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
      continue;
    }
    const figures = JSON.parse(run.stdout) as GraphFigures;
    rows.push([label, figures]);
    console.log(
      label.padEnd(24),
      String(figures.objects).padStart(7),
      String(figures.workloads).padStart(9),
      String(figures.resources).padStart(12),
      String(figures.nodes).padStart(6),
      String(figures.edges).padStart(6),
      String(figures.findings).padStart(8),
      String(figures.endpoints).padStart(9),
      figures.graphMs.toFixed(0).padStart(8),
      figures.rulesMs.toFixed(0).padStart(8),
      figures.threatsMs.toFixed(0).padStart(10),
      String(Math.round(figures.maxRssKiB / 1024)).padStart(11),
    );
  }
  const [one, ten] = rows;
  if (one && ten) console.log(`×10 input: graph build ×${(ten[1].graphMs / one[1].graphMs).toFixed(1)}, graph rules ×${(ten[1].rulesMs / one[1].rulesMs).toFixed(1)}, threat model ×${(ten[1].threatsMs / one[1].threatsMs).toFixed(1)} (linear is ×10)`);
}

if (!process.env.KEEP_BENCH_PLAN) rmSync(dir, { recursive: true, force: true });
times.sort((a, b) => a - b);
const baseline: number[] = [];
for (let i = 0; i < 5; i++) {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  baseline.push(Number(process.hrtime.bigint() - start) / 1e6);
}
baseline.sort((a, b) => a - b);
console.log(`cold start, one small file (whole CLI, median of ${times.length}): ${(times[5] as number).toFixed(0)} ms (bare 'node -e 0' here: ${(baseline[2] as number).toFixed(0)} ms)`);

interface PlanModule {
  resources?: { address: string }[];
  child_modules?: (PlanModule & { address: string })[];
}

interface PlanJson {
  resource_changes: { address: string; module_address?: string }[];
  prior_state?: { values: { root_module: PlanModule } };
  planned_values: { root_module: PlanModule };
  configuration: { root_module: { module_calls?: Record<string, unknown> } };
  [key: string]: unknown;
}

/** The plan of a root module that calls the fixture's configuration `copies` times. */
function replicatePlan(plan: PlanJson, copies: number): PlanJson {
  const prefixModule = (module: PlanModule, prefix: string): PlanModule & { address: string } => ({
    address: prefix.slice(0, -1),
    ...(module.resources ? { resources: module.resources.map((resource) => ({ ...resource, address: prefix + resource.address })) } : {}),
    ...(module.child_modules ? { child_modules: module.child_modules.map((child) => ({ ...prefixModule(child, prefix), address: prefix + child.address })) } : {}),
  });
  const names = Array.from({ length: copies }, (_, i) => `copy${i}`);
  return {
    ...plan,
    resource_changes: names.flatMap((name) => plan.resource_changes.map((change) => ({ ...change, address: `module.${name}.${change.address}`, module_address: `module.${name}${change.module_address ? `.${change.module_address}` : ''}` }))),
    planned_values: { root_module: { child_modules: names.map((name) => prefixModule(plan.planned_values.root_module, `module.${name}.`)) } },
    ...(plan.prior_state ? { prior_state: { ...plan.prior_state, values: { root_module: { child_modules: names.map((name) => prefixModule(plan.prior_state?.values.root_module ?? {}, `module.${name}.`)) } } } } : {}),
    configuration: { ...plan.configuration, root_module: { module_calls: Object.fromEntries(names.map((name) => [name, { source: './fixture', module: plan.configuration.root_module }])) } },
  };
}
