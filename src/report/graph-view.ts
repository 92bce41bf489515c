// Which part of the serving graph a picture draws and which of it is an attack path. The Mermaid and HTML
// pictures share this, so both highlight the same edges and nodes and cap the same way: only the parts of
// the graph connected to an attack path when there is one, the whole graph up to a limit when there is none.
import { resourceRefOf } from '../engine/run-rules.js';
import type { Finding, FindingLocation, ResourceRef } from '../findings/finding.js';
import type { ScanResult } from '../findings/scan-result.js';
import type { GraphEdge, GraphNode, ServingGraph } from '../graph/serving-graph.js';
import { pointerOf } from '../parse/kubernetes/types.js';
import type { Node } from '../model/value.js';
import { attackPaths } from './paths.js';
import { appendTo } from '../model/collections.js';

/** Beyond this many nodes a picture stops being readable. */
export const MAX_NODES = 150;

/** One attack path and the part of the graph it runs along. */
export interface PathView {
  readonly finding: Finding;
  /** Graph edges the path's hops name, in graph order. */
  readonly edges: readonly GraphEdge[];
  /** Their ends and the object the path leads to, in graph order. */
  readonly nodes: readonly string[];
}

export interface GraphView {
  /** The attack paths, worst first (`attackPaths`). */
  readonly paths: readonly PathView[];
  /** The nodes to draw, in graph order. */
  readonly nodes: readonly GraphNode[];
  /** The edges between drawn nodes, in graph order. */
  readonly edges: readonly GraphEdge[];
  /** Nodes on some attack path, drawn or not (in the order the selection starts from). */
  readonly hotNodes: ReadonlySet<string>;
  /** Edges on some attack path, drawn or not, in graph order. */
  readonly hotEdges: ReadonlySet<GraphEdge>;
  /** Nodes of the graph left out by the cap. */
  readonly omitted: number;
}

/** `file:line` of a located value, as findings and their hops name places. */
export function locationOf(at: Node | undefined): string | undefined {
  if (!at) return undefined;
  const span = at.doc.spans.get(pointerOf(at.path));
  if (!span) return undefined;
  return `${at.doc.file.path}:${at.doc.file.positionAt(span.keyStart ?? span.start).line}`;
}

function key(location: FindingLocation): string {
  return `${location.file}:${location.startLine}`;
}

export function graphView(graph: ServingGraph, result: ScanResult): GraphView {
  const findings = attackPaths(result);
  const paths = findings.map((finding) => pathView(graph, finding));
  // The unions keep graph order (edges, then their ends, then subjects): the selection below walks from them.
  const onPath = new Set(paths.flatMap((path) => path.edges));
  const hotEdges = new Set(graph.edges.filter((edge) => onPath.has(edge)));
  const hotNodes = new Set<string>();
  for (const edge of hotEdges) {
    hotNodes.add(edge.from);
    hotNodes.add(edge.to);
  }
  const subjects = new Set(findings.flatMap((finding) => (finding.resource ? [subjectKey(finding.resource)] : [])));
  for (const node of graph.nodes.values()) if (node.subject && subjects.has(subjectKeyOf(node))) hotNodes.add(node.id);

  const chosen = chooseNodes(graph, hotNodes);
  return {
    paths,
    nodes: [...chosen].map((id) => graph.node(id)),
    edges: graph.edges.filter((edge) => chosen.has(edge.from) && chosen.has(edge.to)),
    hotNodes,
    hotEdges,
    omitted: graph.nodes.size - chosen.size,
  };
}

/**
 * A hop's location and message name an edge: the edge written there whose two ends the message names. An
 * edge written at a hop also counts when the path names each end elsewhere: by label in some hop, or as a
 * hop at the node's own place (a port the path ends on).
 */
function pathView(graph: ServingGraph, finding: Finding): PathView {
  const hops = new Map<string, string[]>();
  for (const hop of finding.related) appendTo(hops, key(hop), hop.message);
  const messages = [...hops.values()].flat();
  const named = (id: string): boolean => {
    const node = graph.node(id);
    return messages.some((message) => message.includes(node.label)) || hops.has(locationOf(node.at) ?? '');
  };
  const edges = graph.edges.filter((edge) => {
    const here = hops.get(locationOf(edge.at) ?? '');
    if (!here) return false;
    return here.some((message) => message.includes(graph.node(edge.to).label) && message.includes(graph.node(edge.from).label)) || (named(edge.from) && named(edge.to));
  });
  const nodes = new Set<string>();
  for (const edge of edges) {
    nodes.add(edge.from);
    nodes.add(edge.to);
  }
  const subject = finding.resource ? subjectKey(finding.resource) : undefined;
  for (const node of graph.nodes.values()) if (subject !== undefined && node.subject && subjectKeyOf(node) === subject) nodes.add(node.id);
  return { finding, edges, nodes: [...graph.nodes.keys()].filter((id) => nodes.has(id)) };
}

/** One key for a finding's resource and a node's subject: a node's subject keyed as the engine names it in findings. */
function subjectKey(resource: ResourceRef): string {
  return JSON.stringify([resource.kind, resource.namespace ?? '', resource.name ?? '']);
}

function subjectKeyOf(node: GraphNode): string {
  const ref = resourceRefOf(node.subject);
  return ref ? subjectKey(ref) : '';
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

/** A node's caption: the server kind after a dot rather than in brackets. */
export function nodeText(node: GraphNode): string {
  return node.label.replace(/ \((NVIDIA |Hugging Face )?([^)]*)\)$/, ' · $2');
}

/** An edge's caption: its kind, with the permission for grants (the full label goes in tooltips). */
export function edgeText(edge: GraphEdge): string {
  return edge.kind === 'routes' ? (edge.guard ? 'routes · authenticated' : 'routes') : edge.kind === 'can-write' || edge.kind === 'can-read' ? `${edge.kind} (${edge.label})` : edge.kind;
}
