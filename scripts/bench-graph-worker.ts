import { discoverFiles } from '../src/discover/discover.js';
import { runRules } from '../src/engine/run-rules.js';
import { servingGraph } from '../src/graph/serving-graph.js';
import { scanFiles } from '../src/pipeline/scan.js';
import { RULES } from '../src/rules/index.js';
import { buildThreatModel } from '../src/threats/threat-model.js';

// The serving graph of one tree, in its own process: load the models once (no rules), then time the graph
// build, the graph rules and the threat model apart.
const root = process.argv[2] ?? '.';
const discovered = await discoverFiles({ paths: [root], cwd: process.cwd() });
const { models } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules: [], failOn: 'none', today: '2026-01-01' });
const graphRules = RULES.filter((rule) => rule.meta.id.startsWith('IG-GRAPH-'));
const buildStart = process.hrtime.bigint();
const graph = servingGraph(models.kubernetes, models.terraform);
const graphMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
const rulesStart = process.hrtime.bigint();
const { findings, objectOf } = runRules(models.kubernetes, graphRules, { terraform: models.terraform });
const rulesMs = Number(process.hrtime.bigint() - rulesStart) / 1e6;
// The threat model of every endpoint: endpoints, their controls, and the graph findings sorted into threats.
const threatsStart = process.hrtime.bigint();
const threatModel = buildThreatModel({ model: models.kubernetes, terraform: models.terraform, graph, findings, subjectOf: (finding) => objectOf.get(finding) });
const threatsMs = Number(process.hrtime.bigint() - threatsStart) / 1e6;
process.stdout.write(
  JSON.stringify({
    objects: models.kubernetes.objects.length,
    workloads: models.kubernetes.workloads.length,
    resources: models.terraform.resources.length,
    nodes: graph.nodes.size,
    edges: graph.edges.length,
    findings: findings.length,
    endpoints: threatModel.length,
    graphMs,
    rulesMs,
    threatsMs,
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
);
