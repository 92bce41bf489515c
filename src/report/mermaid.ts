// The serving graph as a Mermaid flowchart (GitHub renders it in pull-request comments), with the nodes and
// edges of the attack paths highlighted. Only the parts of the graph connected to an attack path are drawn
// when there is one; the whole graph, up to a limit, when there is none.
import type { Finding } from '../findings/finding.js';
import type { ScanResult } from '../findings/scan-result.js';
import type { GraphNodeKind, ServingGraph } from '../graph/serving-graph.js';
import { edgeText, graphView, nodeText } from './graph-view.js';

const SHAPES: Readonly<Record<GraphNodeKind, readonly [string, string]>> = {
  internet: ['((', '))'],
  'private-network': ['((', '))'],
  cluster: ['((', '))'],
  entry: ['[/', '/]'],
  service: ['[', ']'],
  workload: ['[[', ']]'],
  port: ['([', '])'],
  'service-account': ['{{', '}}'],
  'rbac-role': ['{{', '}}'],
  'cloud-identity': ['{{', '}}'],
  'sagemaker-model': ['[[', ']]'],
  artifact: ['[(', ')]'],
  bucket: ['[(', ')]'],
};

/** Mermaid text is quoted: double quotes and the characters Mermaid reads as markup are replaced. */
function label(text: string): string {
  return text.replace(/"/g, "'").replace(/[<>]/g, (char) => (char === '<' ? '‹' : '›')).replace(/[[\]{}()|`]/g, ' ');
}

export function renderMermaid(graph: ServingGraph, result: ScanResult): string {
  const view = graphView(graph, result);
  const paths = view.paths.map((path) => path.finding);
  const ids = new Map<string, string>();
  view.nodes.forEach((node, index) => ids.set(node.id, `n${index + 1}`));
  const lines = ['```mermaid', 'flowchart LR'];
  for (const node of view.nodes) {
    const [open, close] = SHAPES[node.kind];
    lines.push(`  ${ids.get(node.id)}${open}"${label(nodeText(node))}"${close}`);
  }
  const hotIndexes: number[] = [];
  view.edges.forEach((edge, index) => {
    lines.push(`  ${ids.get(edge.from)} -->|"${label(edgeText(edge))}"| ${ids.get(edge.to)}`);
    if (view.hotEdges.has(edge)) hotIndexes.push(index);
  });
  const hotIds = view.nodes.filter((node) => view.hotNodes.has(node.id)).map((node) => ids.get(node.id));
  if (hotIds.length > 0) {
    lines.push('  classDef attack stroke:#d12,stroke-width:3px,color:#d12');
    lines.push(`  class ${hotIds.join(',')} attack`);
  }
  if (hotIndexes.length > 0) lines.push(`  linkStyle ${hotIndexes.join(',')} stroke:#d12,stroke-width:3px`);
  lines.push('```');
  if (view.omitted > 0) lines.push('', `${view.omitted} more node${view.omitted === 1 ? '' : 's'} of the serving graph not drawn.`);
  lines.push('', paths.length === 0 ? 'No attack paths found.' : `${paths.length} attack path${paths.length === 1 ? '' : 's'} highlighted: ${summary(paths)}.`);
  return `${lines.join('\n')}\n`;
}

function summary(paths: readonly Finding[]): string {
  return paths.map((finding) => `${finding.ruleId} (${finding.severity})`).join(', ');
}
