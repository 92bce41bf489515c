// `inferguard paths -f html`: one self-contained page — the attack paths, hop by hop, and the serving graph as
// inline SVG laid out at report time, the paths' edges and nodes highlighted. Nothing is fetched: no CDN, no
// font, no image; a Content-Security-Policy forbids it too, and runs only the page's own (hashed) script.
// Everything from scanned files is text and is escaped. Same scan, same bytes: no dates, no random ids.
import { createHash } from 'node:crypto';
import type { Finding, FindingLocation, Severity } from '../findings/finding.js';
import type { ScanResult } from '../findings/scan-result.js';
import type { GraphEdge, GraphNodeKind, ServingGraph } from '../graph/serving-graph.js';
import type { Layout, PlacedEdge, PlacedNode, Point } from './graph-layout.js';
import { EDGE_FONT_SIZE, LINE_HEIGHT, NODE_FONT_SIZE, layoutView } from './graph-layout.js';
import type { GraphView } from './graph-view.js';
import { graphView, locationOf } from './graph-view.js';
import { clean } from './text.js';
import { appendTo } from '../model/collections.js';

export interface HtmlOptions {
  /** Named in the page's footer. */
  readonly toolVersion: string;
}

/** What each kind is called in the legend, in column order. */
const KIND_NAMES: ReadonlyArray<readonly [GraphNodeKind, string]> = [
  ['internet', 'Internet'],
  ['private-network', 'Private network'],
  ['cluster', 'Any pod in the cluster'],
  ['entry', 'Ingress, route, gateway'],
  ['service', 'Service'],
  ['port', 'Model-server port'],
  ['workload', 'Workload'],
  ['sagemaker-model', 'SageMaker model'],
  ['service-account', 'ServiceAccount'],
  ['rbac-role', 'RBAC role'],
  ['cloud-identity', 'Cloud identity'],
  ['artifact', 'Model artifact'],
  ['bucket', 'Bucket'],
];

/** Text for HTML content and attribute values, terminal controls and bidi overrides made visible first. */
export function escapeHtml(text: string): string {
  return clean(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export async function renderHtml(graph: ServingGraph, result: ScanResult, options: HtmlOptions): Promise<string> {
  const view = graphView(graph, result);
  const layout = await layoutView(view);
  const pathIds = pathIdsOf(view);
  const hotNodes = layout.nodes.filter((placed) => view.hotNodes.has(placed.node.id)).length;
  const hotEdges = layout.edges.filter((placed) => view.hotEdges.has(placed.edge)).length;
  const findings = view.paths.map((path) => path.finding);

  const summary =
    findings.length === 0
      ? 'No attack paths found.'
      : `${findings.length} attack path${plural(findings.length)} (${severityCounts(findings)}); ${hotEdges} edge${plural(hotEdges)} and ${hotNodes} node${plural(hotNodes)} of the graph highlighted.`;
  const body = [
    '<header>',
    '<h1>Attack paths through the serving graph</h1>',
    `<p id="summary" data-paths="${findings.length}" data-hot-edges="${hotEdges}" data-hot-nodes="${hotNodes}">${escapeHtml(summary)}</p>`,
    result.incomplete ? '<p class="warning">The scan is incomplete: some files could not be read or parsed, and paths through them are missing.</p>' : '',
    '</header>',
    '<main>',
    '<section id="picture" aria-labelledby="picture-title">',
    '<h2 id="picture-title">Serving graph</h2>',
    ...(layout.nodes.length === 0
      ? ['<p id="empty">The serving graph is empty: the scan found no model server, serving identity or model artifact.</p>']
      : [
          legend(layout, findings.length > 0),
          '<p class="controls"><button type="button" id="fit" aria-pressed="false">Fit the picture to the window</button> <span class="note">Unlabelled edges carry traffic or join a workload to its ports; hover over a node or edge for its file:line.</span></p>',
          '<div class="frame">',
          svg(layout, view, pathIds),
          '</div>',
        ]),
    view.omitted > 0 ? `<p class="note">${view.omitted} more node${plural(view.omitted)} of the serving graph not drawn.</p>` : '',
    '</section>',
    '<section id="paths" aria-labelledby="paths-title">',
    '<h2 id="paths-title">Attack paths</h2>',
    findings.length === 0 ? '<p>No attack paths found.</p>' : `<ol class="paths">\n${findings.map((finding, index) => pathItem(finding, index)).join('\n')}\n</ol>`,
    findings.length === 0 ? '' : '<p class="note">Point at a path (or select it with the keyboard) to show only its part of the graph; click to keep it.</p>',
    '</section>',
    '</main>',
    `<footer>inferguard ${escapeHtml(options.toolVersion)} · ${result.files.length} file${plural(result.files.length)}</footer>`,
  ].filter((line) => line.length > 0);

  const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const policy = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; base-uri 'none'; form-action 'none'`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>inferguard: attack paths</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function plural(count: number): string {
  return count === 1 ? '' : 's';
}

function severityCounts(findings: readonly Finding[]): string {
  const counts = new Map<Severity, number>();
  for (const finding of findings) counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  return [...counts].map(([severity, count]) => `${count} ${severity}`).join(', ');
}

/** Per node and edge id, the paths (`p1`, `p2`, … in report order) it lies on. */
function pathIdsOf(view: GraphView): { readonly nodes: ReadonlyMap<string, string[]>; readonly edges: ReadonlyMap<GraphEdge, string[]> } {
  const nodes = new Map<string, string[]>();
  const edges = new Map<GraphEdge, string[]>();
  view.paths.forEach((path, index) => {
    for (const id of path.nodes) appendTo(nodes, id, `p${index + 1}`);
    for (const edge of path.edges) appendTo(edges, edge, `p${index + 1}`);
  });
  return { nodes, edges };
}

function where(location: FindingLocation): string {
  return `${location.file}:${location.startLine}:${location.startColumn}`;
}

function pathItem(finding: Finding, index: number): string {
  const hops = finding.related.map((hop, position) => `<li><span class="step">${position === 0 ? 'from' : 'then'}</span> <code>${escapeHtml(where(hop))}</code> ${escapeHtml(hop.message.replace(/\s+/g, ' '))}</li>`);
  return [
    `<li class="path sev-${finding.severity}" data-path="p${index + 1}" tabindex="0">`,
    `<p class="head"><span class="severity">${finding.severity.toUpperCase()}</span> <code class="rule">${escapeHtml(finding.ruleId)}</code> ${escapeHtml(finding.title)}</p>`,
    `<p class="message">${escapeHtml(finding.message)}</p>`,
    hops.length > 0 ? `<ol class="hops">\n${hops.join('\n')}\n</ol>` : '',
    `<p class="at"><span class="step">at</span> <code>${escapeHtml(where(finding.location))}</code> <span class="rule-name">(${escapeHtml(finding.ruleName)})</span></p>`,
    '</li>',
  ]
    .filter((line) => line.length > 0)
    .join('\n');
}

/** The kinds drawn, each with its shape, and what highlighting means. */
function legend(layout: Layout, withPaths: boolean): string {
  const drawn = new Set(layout.nodes.map((placed) => placed.node.kind));
  const items = KIND_NAMES.filter(([kind]) => drawn.has(kind)).map(
    ([kind, name]) => `<li><svg width="34" height="20" viewBox="0 0 34 20" aria-hidden="true"><g class="node k-${kind}">${shape(kind, 34, 20)}</g></svg>${escapeHtml(name)}</li>`,
  );
  if (withPaths) {
    items.push(`<li><svg width="34" height="20" viewBox="0 0 34 20" aria-hidden="true"><g class="node hot k-service">${shape('service', 34, 20)}</g></svg>On an attack path</li>`);
    items.push('<li><svg width="34" height="20" viewBox="0 0 34 20" aria-hidden="true"><g class="edge hot"><path d="M2 10 H26" marker-end="url(#arrow-hot)"/></g></svg>Attack-path edge</li>');
  }
  return `<ul class="legend">\n${items.join('\n')}\n</ul>`;
}

function svg(layout: Layout, view: GraphView, pathIds: ReturnType<typeof pathIdsOf>): string {
  const ends = new Map(layout.nodes.map((placed, index) => [placed.node.id, { element: `n${index + 1}`, label: placed.node.label }]));
  const lines = [
    `<svg id="graph" role="img" aria-labelledby="picture-title" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    '<defs>',
    '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="arrow"/></marker>',
    '<marker id="arrow-hot" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="arrow-hot"/></marker>',
    '</defs>',
    '<g class="edges">',
    ...layout.edges.map((placed, index) => edgeMarkup(placed, index, ends, view.hotEdges.has(placed.edge), pathIds.edges.get(placed.edge) ?? [])),
    '</g>',
    '<g class="nodes">',
    ...layout.nodes.map((placed, index) => nodeMarkup(placed, index, view.hotNodes.has(placed.node.id), pathIds.nodes.get(placed.node.id) ?? [])),
    '</g>',
    '</svg>',
  ];
  return lines.join('\n');
}

function points(route: readonly Point[]): string {
  return route.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ');
}

function edgeMarkup(placed: PlacedEdge, index: number, ends: ReadonlyMap<string, { element: string; label: string }>, hot: boolean, paths: readonly string[]): string {
  const { edge } = placed;
  const from = ends.get(edge.from);
  const to = ends.get(edge.to);
  const where = locationOf(edge.at);
  // Escaped line by line: escapeHtml makes a newline visible as \x0a, as the text report does.
  const tooltip = [`${from?.label ?? edge.from} → ${to?.label ?? edge.to}`, `${edge.kind}: ${edge.label}`, ...(edge.guard ? [`authenticated by ${edge.guard.description}`] : []), ...(where ? [where] : [])].map(escapeHtml).join('\n');
  const label = placed.label
    ? `<text x="${round(placed.label.x + placed.label.width / 2)}" y="${round(placed.label.y + placed.label.height / 2)}" class="edge-label">${escapeHtml(placed.label.text)}</text>`
    : '';
  return [
    `<g class="edge${hot ? ' hot' : ''} e-${edge.kind}" id="e${index + 1}" data-from="${from?.element ?? ''}" data-to="${to?.element ?? ''}"${paths.length > 0 ? ` data-paths="${paths.join(' ')}"` : ''}>`,
    `<title>${tooltip}</title>`,
    `<path d="${points(placed.points)}" marker-end="url(#${hot ? 'arrow-hot' : 'arrow'})"/>`,
    label,
    '</g>',
  ].join('');
}

function nodeMarkup(placed: PlacedNode, index: number, hot: boolean, paths: readonly string[]): string {
  const { node } = placed;
  const where = locationOf(node.at);
  const tooltip = [node.label, ...(node.mtls ? [`mutual TLS: ${node.mtls.description}`] : []), ...(where ? [where] : [])].map(escapeHtml).join('\n');
  const top = placed.height / 2 - ((placed.lines.length - 1) * LINE_HEIGHT) / 2;
  const text = placed.lines.map((line, position) => `<tspan x="${round(placed.width / 2)}" y="${round(top + position * LINE_HEIGHT)}">${escapeHtml(line)}</tspan>`).join('');
  return [
    `<g class="node${hot ? ' hot' : ''} k-${node.kind}" id="n${index + 1}" transform="translate(${placed.x} ${placed.y})"${paths.length > 0 ? ` data-paths="${paths.join(' ')}"` : ''}>`,
    `<title>${tooltip}</title>`,
    shape(node.kind, placed.width, placed.height),
    `<text class="label">${text}</text>`,
    '</g>',
  ].join('');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The outline of a node of this kind in a width × height box at the origin. */
function shape(kind: GraphNodeKind, width: number, height: number): string {
  const w = round(width);
  const h = round(height);
  switch (kind) {
    case 'internet':
    case 'private-network':
    case 'cluster':
      return `<ellipse class="outline" cx="${round(w / 2)}" cy="${round(h / 2)}" rx="${round(w / 2)}" ry="${round(h / 2)}"/>`;
    case 'entry': {
      const slant = Math.min(10, w / 4);
      return `<polygon class="outline" points="${round(slant)},0 ${w},0 ${round(w - slant)},${h} 0,${h}"/>`;
    }
    case 'service':
      return `<rect class="outline" width="${w}" height="${h}" rx="3"/>`;
    case 'port':
      return `<rect class="outline" width="${w}" height="${h}" rx="${round(h / 2)}"/>`;
    case 'workload':
    case 'sagemaker-model': {
      const inset = Math.min(6, w / 6);
      return `<rect class="outline" width="${w}" height="${h}"/><path class="inner" d="M${round(inset)} 0 V${h} M${round(w - inset)} 0 V${h}"/>`;
    }
    case 'service-account':
    case 'rbac-role':
    case 'cloud-identity': {
      const point = Math.min(12, w / 4);
      return `<polygon class="outline" points="${round(point)},0 ${round(w - point)},0 ${w},${round(h / 2)} ${round(w - point)},${h} ${round(point)},${h} 0,${round(h / 2)}"/>`;
    }
    case 'artifact':
    case 'bucket': {
      const cap = Math.min(6, h / 4);
      const rx = round(w / 2);
      return `<path class="outline" d="M0 ${round(cap)} A${rx} ${round(cap)} 0 0 1 ${w} ${round(cap)} V${round(h - cap)} A${rx} ${round(cap)} 0 0 1 0 ${round(h - cap)} Z"/><path class="inner" d="M0 ${round(cap)} A${rx} ${round(cap)} 0 0 0 ${w} ${round(cap)}"/>`;
    }
  }
}

const STYLE = `
:root { color-scheme: light; --hot: #c8102e; --ink: #1d2330; --muted: #5b6472; --line: #8a93a3; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 2rem 2rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fbfbfc; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
code, #graph text { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
code { font-size: .86em; background: #eef0f3; padding: 0 .25em; border-radius: 3px; overflow-wrap: anywhere; }
.warning { color: #8a4b00; background: #fff4e0; border-left: 4px solid #e09b2d; padding: .4rem .8rem; }
.note, footer { color: var(--muted); font-size: .9em; }
footer { margin-top: 2rem; border-top: 1px solid #dde1e6; padding-top: .5rem; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem 1.1rem; padding: 0; margin: 0 0 .6rem; font-size: .88em; }
.legend li { display: flex; align-items: center; gap: .35rem; }
.frame { overflow: auto; background: #fff; border: 1px solid #dde1e6; border-radius: 6px; }
#graph { display: block; max-width: none; }
#graph.fit { width: 100%; height: auto; }
.controls { margin: 0 0 .5rem; }
button { font: inherit; font-size: .88em; padding: .15rem .6rem; }
.node .outline { stroke: #4a5568; stroke-width: 1.2; }
.node .inner { fill: none; stroke: #4a5568; stroke-width: 1; }
.node .label { font-size: ${NODE_FONT_SIZE}px; fill: var(--ink); text-anchor: middle; dominant-baseline: central; }
.k-internet .outline { fill: #fde0dc; } .k-private-network .outline { fill: #fdebd3; } .k-cluster .outline { fill: #fff3c4; }
.k-entry .outline { fill: #e3f2fd; } .k-service .outline { fill: #d6ebfa; } .k-port .outline { fill: #e0f4f1; }
.k-workload .outline, .k-sagemaker-model .outline { fill: #dff2e1; }
.k-service-account .outline { fill: #efe4f7; } .k-rbac-role .outline { fill: #f6e1ee; } .k-cloud-identity .outline { fill: #e6e3fa; }
.k-artifact .outline { fill: #f4efe2; } .k-bucket .outline { fill: #ece6d6; }
.edge path { fill: none; stroke: var(--line); stroke-width: 1.3; }
.edge .edge-label { font-size: ${EDGE_FONT_SIZE}px; fill: var(--muted); text-anchor: middle; dominant-baseline: central; }
.arrow { fill: var(--line); } .arrow-hot { fill: var(--hot); }
.edge.hot path { stroke: var(--hot); stroke-width: 3; }
.edge.hot .edge-label { fill: var(--hot); font-weight: 600; }
.node.hot .outline { stroke: var(--hot); stroke-width: 3; }
.node.hot .label { fill: var(--hot); font-weight: 600; }
#graph.focus .node:not(.on), #graph.focus .edge:not(.on) { opacity: .18; }
.paths { padding-left: 1.6rem; }
.path { margin: 0 0 .9rem; padding: .45rem .7rem; border-left: 4px solid var(--line); background: #fff; border-radius: 0 6px 6px 0; cursor: pointer; }
.path p { margin: .15rem 0; }
.path:focus, .path.on { outline: 2px solid var(--hot); outline-offset: 1px; }
.sev-critical { border-left-color: #7b1fa2; } .sev-high { border-left-color: var(--hot); } .sev-medium { border-left-color: #d98200; } .sev-low, .sev-info { border-left-color: #5b6472; }
.severity { font-weight: 700; font-size: .82em; letter-spacing: .03em; }
.sev-critical .severity { color: #7b1fa2; } .sev-high .severity { color: var(--hot); } .sev-medium .severity { color: #a35f00; }
.hops { margin: .25rem 0; padding-left: 1.2rem; list-style: none; font-size: .92em; }
.step { display: inline-block; min-width: 2.6em; color: var(--muted); font-size: .85em; }
.rule-name { color: var(--muted); }
`;

// "Fit" scales a wide picture to the window. Pointing at or focusing a path shows only its part of the graph;
// a click keeps it until clicked again.
const SCRIPT = `
(function () {
  var graph = document.getElementById('graph');
  var fit = document.getElementById('fit');
  if (!graph) return;
  if (fit) fit.addEventListener('click', function () {
    var on = graph.classList.toggle('fit');
    fit.setAttribute('aria-pressed', on ? 'true' : 'false');
  });
  var items = document.querySelectorAll('li.path');
  var parts = graph.querySelectorAll('[data-paths]');
  var pinned = null;
  function show(id) {
    graph.classList.toggle('focus', id !== null);
    parts.forEach(function (part) { part.classList.toggle('on', id !== null && part.getAttribute('data-paths').split(' ').indexOf(id) !== -1); });
    items.forEach(function (item) { item.classList.toggle('on', item.getAttribute('data-path') === id); });
  }
  items.forEach(function (item) {
    var id = item.getAttribute('data-path');
    item.addEventListener('mouseenter', function () { if (pinned === null) show(id); });
    item.addEventListener('mouseleave', function () { if (pinned === null) show(null); });
    item.addEventListener('focus', function () { if (pinned === null) show(id); });
    item.addEventListener('blur', function () { if (pinned === null) show(null); });
    item.addEventListener('click', function () { pinned = pinned === id ? null : id; show(pinned === null ? id : pinned); });
    item.addEventListener('keydown', function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); item.click(); } });
  });
})();
`;
