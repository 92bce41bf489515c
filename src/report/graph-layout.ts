// Coordinates for the HTML picture: elkjs's layered layout, run here in Node (the bundled build, no web
// worker) so the page itself needs no layout library and no script. Left to right by node kind: the
// internet, entries, Services, ports, workloads, ServiceAccounts, identities, artifacts, buckets.
import type { ELK, ELKConstructorArguments, ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api.js';
import type { GraphEdge, GraphNode, GraphNodeKind } from '../graph/serving-graph.js';
import type { GraphView } from './graph-view.js';
import { edgeText, nodeText } from './graph-view.js';

/** Label metrics of the page's monospace font (12px nodes, 11px edges), so sizes need no browser to measure. */
export const NODE_FONT_SIZE = 12;
export const EDGE_FONT_SIZE = 11;
const CHAR_WIDTH = 0.6;
export const LINE_HEIGHT = 15;
const WRAP_AT = 32;
const MAX_LINES = 3;

/** The column each kind is drawn in; an edge against this order is laid out reversed and drawn pointing back. */
const COLUMN: Readonly<Record<GraphNodeKind, number>> = {
  internet: 0,
  'private-network': 0,
  cluster: 0,
  entry: 1,
  service: 2,
  port: 3,
  workload: 4,
  'sagemaker-model': 4,
  'service-account': 5,
  'rbac-role': 6,
  'cloud-identity': 6,
  artifact: 7,
  bucket: 8,
};

/** Room the kind's outline takes around its text (hexagon points, cylinder caps, ellipse curve). */
const PADDING: Readonly<Record<GraphNodeKind, { readonly x: number; readonly y: number }>> = {
  internet: { x: 22, y: 12 },
  'private-network': { x: 22, y: 12 },
  cluster: { x: 22, y: 12 },
  entry: { x: 18, y: 8 },
  service: { x: 10, y: 8 },
  port: { x: 16, y: 8 },
  workload: { x: 16, y: 8 },
  'sagemaker-model': { x: 16, y: 8 },
  'service-account': { x: 18, y: 8 },
  'rbac-role': { x: 18, y: 8 },
  'cloud-identity': { x: 18, y: 8 },
  artifact: { x: 10, y: 14 },
  bucket: { x: 10, y: 14 },
};

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PlacedNode {
  readonly node: GraphNode;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The caption, wrapped. */
  readonly lines: readonly string[];
}

export interface PlacedEdge {
  readonly edge: GraphEdge;
  /** From the edge's source to its target. */
  readonly points: readonly Point[];
  readonly label: { readonly text: string; readonly x: number; readonly y: number; readonly width: number; readonly height: number } | undefined;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

/** Splits a caption at spaces (or inside a long word) into at most MAX_LINES lines of WRAP_AT characters. */
export function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
    let rest = word;
    while (rest.length > 0) {
      const room = WRAP_AT - (line.length === 0 ? 0 : line.length + 1);
      if (rest.length <= room) {
        line = line.length === 0 ? rest : `${line} ${rest}`;
        rest = '';
      } else if (line.length > 0) {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, WRAP_AT));
        rest = rest.slice(WRAP_AT);
      }
    }
  }
  if (line.length > 0) lines.push(line);
  if (lines.length <= MAX_LINES) return lines.length === 0 ? [''] : lines;
  const kept = lines.slice(0, MAX_LINES);
  kept[MAX_LINES - 1] = `${(kept[MAX_LINES - 1] as string).slice(0, WRAP_AT - 1)}…`;
  return kept;
}

function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * CHAR_WIDTH;
}

/** Coordinates rounded to a tenth: shorter markup, and no float noise between runs. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

type ElkConstructor = new (args?: ELKConstructorArguments) => ELK;
let elkConstructor: Promise<ElkConstructor> | undefined;

/** elkjs is large: loaded the first time a picture is laid out, not by every scan. */
async function loadElk(): Promise<ElkConstructor> {
  // The bundle is CommonJS and sets `default` on its export, so `.default` is the constructor either way.
  elkConstructor ??= import('elkjs/lib/elk.bundled.js').then((module) => module.default.default ?? module.default);
  return elkConstructor;
}

/** A port's caption leaves out its server, which its workload's caption names: narrower columns. */
function caption(node: GraphNode): string {
  const title = node.port?.server.info.title;
  const text = nodeText(node);
  return title !== undefined && text.startsWith(`${title} `) ? text.slice(title.length + 1) : text;
}

export async function layoutView(view: GraphView): Promise<Layout> {
  const ELK = await loadElk();
  const elkId = new Map<string, string>();
  view.nodes.forEach((node, index) => elkId.set(node.id, `n${index}`));
  const captions = view.nodes.map((node) => wrap(caption(node)));
  const children: ElkNode[] = view.nodes.map((node, index) => {
    const lines = captions[index] as string[];
    const padding = PADDING[node.kind];
    return {
      id: `n${index}`,
      width: Math.ceil(Math.max(...lines.map((line) => textWidth(line, NODE_FONT_SIZE))) + 2 * padding.x),
      height: lines.length * LINE_HEIGHT + 2 * padding.y,
      layoutOptions: { 'elk.partitioning.partition': String(COLUMN[node.kind]) },
    };
  });
  const column = new Map(view.nodes.map((node) => [node.id, COLUMN[node.kind]]));
  const reversed = view.edges.map((edge) => (column.get(edge.from) ?? 0) > (column.get(edge.to) ?? 0));
  const edges: ElkExtendedEdge[] = view.edges.map((edge, index) => {
    const [source, target] = reversed[index] ? [edge.to, edge.from] : [edge.from, edge.to];
    // Traffic edges and a workload's ports speak for themselves (their tooltips say more): unlabelled, narrower.
    const text = edge.kind === 'routes' || edge.kind === 'listens' ? undefined : edgeText(edge);
    return {
      id: `e${index}`,
      sources: [elkId.get(source) as string],
      targets: [elkId.get(target) as string],
      ...(text !== undefined ? { labels: [{ text, width: Math.ceil(textWidth(text, EDGE_FONT_SIZE)) + 4, height: EDGE_FONT_SIZE + 4 }] } : {}),
    };
  });
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '18',
      'elk.spacing.edgeNode': '12',
      'elk.spacing.edgeEdge': '8',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.layered.spacing.edgeNodeBetweenLayers': '16',
      // Keep the graph's order where the algorithm has a free choice: stable, and sources stay near each other.
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
    },
    children,
    edges,
  };
  const laid = await new ELK().layout(root);
  const nodes = view.nodes.map((node, index): PlacedNode => {
    const placed = laid.children?.[index];
    if (!placed || placed.id !== `n${index}`) throw new Error(`elkjs returned no position for ${node.id}`);
    return { node, x: round(placed.x ?? 0), y: round(placed.y ?? 0), width: placed.width ?? 0, height: placed.height ?? 0, lines: captions[index] as string[] };
  });
  const placedEdges = view.edges.map((edge, index): PlacedEdge => {
    const placed = laid.edges?.[index];
    const section = placed?.sections?.[0];
    const route: ElkPoint[] = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    const points = (reversed[index] ? route.reverse() : route).map((point) => ({ x: round(point.x), y: round(point.y) }));
    const label = placed?.labels?.[0];
    return {
      edge,
      points,
      label: label?.text !== undefined ? { text: label.text, x: round(label.x ?? 0), y: round(label.y ?? 0), width: label.width ?? 0, height: label.height ?? 0 } : undefined,
    };
  });
  return { width: Math.ceil(laid.width ?? 0), height: Math.ceil(laid.height ?? 0), nodes, edges: placedEdges };
}
