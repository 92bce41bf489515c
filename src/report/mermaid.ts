// The serving graph as a Mermaid flowchart (GitHub renders it in pull-request comments), with the nodes and
// edges of the attack paths highlighted. Only the parts of the graph connected to an attack path are drawn
// when there is one; the whole graph, up to a limit, when there is none.
import type { Finding, FindingLocation } from '../findings/finding.js';
import type { ScanResult } from '../findings/scan-result.js';
import type { GraphEdge, GraphNode, GraphNodeKind, ServingGraph } from '../graph/serving-graph.js';
import { pointerOf } from '../parse/kubernetes/types.js';
import type { Node } from '../model/value.js';
import { attackPaths } from './paths.js';

/** Beyond this many nodes a picture stops being readable. */
const MAX_NODES = 150;

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

function locationOf(at: Node | undefined): string | undefined {
  if (!at) return undefined;
  const span = at.doc.spans.get(pointerOf(at.path));
  if (!span) return undefined;
  return `${at.doc.file.path}:${at.doc.file.positionAt(span.keyStart ?? span.start).line}`;
}

function key(location: FindingLocation): string {
  return `${location.file}:${location.startLine}`;
}

/** Mermaid text is quoted: double quotes and the characters Mermaid reads as markup are replaced. */
function label(text: string): string {
  return text.replace(/"/g, "'").replace(/[<>]/g, (char) => (char === '<' ? '‹' : '›')).replace(/[[\]{}()|`]/g, ' ');
}

export function renderMermaid(graph: ServingGraph, result: ScanResult): string {
  const paths = attackPaths(result);
  // A hop's location and message name an edge: the edge written there whose two ends the message names.
  const hops = new Map<string, string[]>();
  for (const finding of paths) for (const hop of finding.related) hops.set(key(hop), [...(hops.get(key(hop)) ?? []), hop.message]);
  const hotEdges = new Set(
    graph.edges.filter((edge) => {
      const messages = hops.get(locationOf(edge.at) ?? '') ?? [];
      return messages.some((message) => message.includes(graph.node(edge.to).label) && message.includes(graph.node(edge.from).label));
    }),
  );
  const hotNodes = new Set<string>();
  for (const edge of hotEdges) {
    hotNodes.add(edge.from);
    hotNodes.add(edge.to);
  }
  // The object each path leads to.
  const subjects = new Set(paths.flatMap((finding) => (finding.resource ? [subjectKey(finding.resource)] : [])));
  for (const node of graph.nodes.values()) if (node.subject && subjects.has(subjectKeyOf(node))) hotNodes.add(node.id);

  const chosen = chooseNodes(graph, hotNodes);
  const ids = new Map<string, string>();
  [...chosen].forEach((id, index) => ids.set(id, `n${index + 1}`));
  const lines = ['```mermaid', 'flowchart LR'];
  for (const id of chosen) {
    const node = graph.node(id);
    const [open, close] = SHAPES[node.kind];
    lines.push(`  ${ids.get(id)}${open}"${label(nodeText(node))}"${close}`);
  }
  const edges = graph.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  const hotIndexes: number[] = [];
  edges.forEach((edge, index) => {
    lines.push(`  ${ids.get(edge.from)} -->|"${label(edgeText(edge))}"| ${ids.get(edge.to)}`);
    if (hotEdges.has(edge)) hotIndexes.push(index);
  });
  const hotIds = [...chosen].filter((id) => hotNodes.has(id)).map((id) => ids.get(id));
  if (hotIds.length > 0) {
    lines.push('  classDef attack stroke:#d12,stroke-width:3px,color:#d12');
    lines.push(`  class ${hotIds.join(',')} attack`);
  }
  if (hotIndexes.length > 0) lines.push(`  linkStyle ${hotIndexes.join(',')} stroke:#d12,stroke-width:3px`);
  lines.push('```');
  const left = graph.nodes.size - chosen.size;
  if (left > 0) lines.push('', `${left} more node${left === 1 ? '' : 's'} of the serving graph not drawn.`);
  lines.push('', paths.length === 0 ? 'No attack paths found.' : `${paths.length} attack path${paths.length === 1 ? '' : 's'} highlighted: ${summary(paths)}.`);
  return `${lines.join('\n')}\n`;
}

function subjectKey(resource: NonNullable<Finding['resource']>): string {
  return 'namespace' in resource ? `${resource.kind}/${resource.namespace ?? ''}/${resource.name}` : `${resource.kind}/${resource.name}`;
}

function subjectKeyOf(node: GraphNode): string {
  const subject = node.subject;
  if (!subject) return '';
  return 'address' in subject ? `${subject.resourceType}/${subject.address}` : `${subject.kind}/${subject.namespace ?? ''}/${subject.name ?? ''}`;
}

function summary(paths: readonly Finding[]): string {
  return paths.map((finding) => `${finding.ruleId} (${finding.severity})`).join(', ');
}

/** The nodes connected to an attack path (or all, when there is none), at most MAX_NODES, in graph order. */
function chooseNodes(graph: ServingGraph, hotNodes: ReadonlySet<string>): Set<string> {
  const all = [...graph.nodes.keys()];
  if (hotNodes.size === 0) return new Set(all.slice(0, MAX_NODES));
  const reached = new Set<string>(hotNodes);
  const queue = [...hotNodes];
  while (queue.length > 0 && reached.size < MAX_NODES) {
    const id = queue.shift() as string;
    for (const edge of [...graph.outgoing(id), ...graph.incoming(id)]) {
      for (const next of [edge.from, edge.to]) {
        if (reached.has(next) || reached.size >= MAX_NODES) continue;
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return new Set(all.filter((id) => reached.has(id)));
}

function nodeText(node: GraphNode): string {
  return node.label.replace(/ \((NVIDIA |Hugging Face )?([^)]*)\)$/, ' · $2');
}

function edgeText(edge: GraphEdge): string {
  return edge.kind === 'routes' ? 'routes' : edge.kind === 'can-write' || edge.kind === 'can-read' ? `${edge.kind} (${edge.label})` : edge.kind;
}
