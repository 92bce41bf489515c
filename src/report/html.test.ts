import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { BROKEN_EXAMPLE, FIXED_EXAMPLE, HOSTILE_NAME, hostileExample, htmlOf } from '../testing/html-pictures.js';
import { wrap } from './graph-layout.js';
import { escapeHtml } from './html.js';

/** The first line of each highlighted edge's or node's tooltip (`from → to` for edges), in document order. */
function highlighted(html: string, what: 'edge' | 'node'): string[] {
  return [...html.matchAll(new RegExp(`<g class="${what} hot [^"]*"[^>]*><title>([^\\n<]*)`, 'g'))].map((match) => match[1] as string);
}

/** Where each drawn node of a kind sits: the x of its `translate`. */
function columns(html: string): Map<string, number[]> {
  const byKind = new Map<string, number[]>();
  for (const match of html.matchAll(/<g class="node(?: hot)? k-([a-z-]+)" id="n\d+" transform="translate\(([\d.]+) [\d.]+\)"/g)) {
    byKind.set(match[1] as string, [...(byKind.get(match[1] as string) ?? []), Number(match[2])]);
  }
  return byKind;
}

test('html: the broken canary example, its identity path highlighted edge by edge; deterministic', async () => {
  const html = await htmlOf(BROKEN_EXAMPLE);
  assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n'));
  assert.deepEqual(highlighted(html, 'edge'), [
    'Internet → Service models/fraud-canary-debug',
    'Service models/fraud-canary-debug → NVIDIA Triton Inference Server HTTP port 8000 (inference, model-control)',
    'Deployment models/fraud-primary (NVIDIA Triton Inference Server) → ServiceAccount models/fraud',
    'ServiceAccount models/fraud → IAM role aws_iam_role.fraud',
    'Deployment models/ranker-v1 (NVIDIA Triton Inference Server) → s3://acme-models/ranker',
    'IAM role aws_iam_role.fraud → s3://acme-models/ranker',
  ]);
  // The workloads the other paths lead to are highlighted too, as in the Mermaid picture.
  assert.deepEqual(highlighted(html, 'node'), [
    'Deployment models/fraud-primary (NVIDIA Triton Inference Server)',
    'Internet',
    'Deployment models/fraud-canary (NVIDIA Triton Inference Server)',
    'NVIDIA Triton Inference Server HTTP port 8000 (inference, model-control)',
    'Service models/fraud-canary-debug',
    'Deployment models/ranker-v1 (NVIDIA Triton Inference Server)',
    'Deployment models/ranker-v2 (NVIDIA Triton Inference Server)',
    'ServiceAccount models/fraud',
    'IAM role aws_iam_role.fraud',
    's3://acme-models/ranker',
  ]);
  assert.match(html, /<p id="summary" data-paths="6" data-hot-edges="6" data-hot-nodes="10">6 attack paths \(1 critical, 2 high, 3 medium\); 6 edges and 10 nodes of the graph highlighted\.<\/p>/);
  // Each path: severity, rule, hops with file:line, and the parts of the graph it runs along.
  assert.equal([...html.matchAll(/<li class="path sev-(?:critical|high|medium)" data-path="p\d" tabindex="0">/g)].length, 6);
  assert.match(html, /<span class="step">then<\/span> <code>examples\/multi-model-canary\/broken\/terraform\/main\.tf:80:7<\/code> IAM role aws_iam_role\.fraud is allowed s3:GetObject on s3:\/\/acme-models\/ranker<\/li>/);
  assert.equal([...html.matchAll(/data-paths="[^"]*\bp6\b/g)].length, 4 + 5, 'the theft path: four edges and their five ends');
  assert.equal(await htmlOf(BROKEN_EXAMPLE), html, 'same scan, same bytes');
});

test('html: left to right by kind — internet, entries, Services, ports, workloads, ServiceAccounts, identities, artifacts, buckets', async () => {
  const byKind = columns(await htmlOf(BROKEN_EXAMPLE));
  const order = ['internet', 'entry', 'service', 'port', 'workload', 'service-account', 'cloud-identity', 'artifact', 'bucket'];
  for (const kind of order) assert.ok(byKind.has(kind), `no ${kind} node drawn`);
  for (let index = 1; index < order.length; index++) {
    const before = Math.max(...(byKind.get(order[index - 1] as string) as number[]));
    const after = Math.min(...(byKind.get(order[index] as string) as number[]));
    assert.ok(before < after, `${order[index - 1]} (x ${before}) is not left of ${order[index]} (x ${after})`);
  }
});

test('html: the fixed variant draws the graph with nothing highlighted', async () => {
  const html = await htmlOf(FIXED_EXAMPLE);
  assert.deepEqual(highlighted(html, 'edge'), []);
  assert.deepEqual(highlighted(html, 'node'), []);
  assert.doesNotMatch(html, /class="(?:node|edge) hot|data-paths="p|<li class="path/);
  assert.match(html, /<p id="summary" data-paths="0" data-hot-edges="0" data-hot-nodes="0">No attack paths found\.<\/p>/);
  assert.match(html, /<g class="node k-internet" id="n\d+" [^>]*><title>Internet<\/title>/);
  assert.ok([...html.matchAll(/<g class="node /g)].length >= 30, 'the whole graph is drawn');
});

test('html: a scan with no serving graph says so instead of drawing an empty picture', async () => {
  const html = await htmlOf('examples/vertex-ai/vulnerable');
  assert.match(html, /<p id="empty">The serving graph is empty/);
  assert.doesNotMatch(html, /<svg|id="fit"/);
});

test('html: self-contained — nothing fetched, one script, and the Content-Security-Policy admits only the page’s own style and script', async () => {
  const html = await htmlOf(BROKEN_EXAMPLE);
  for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) {
    assert.doesNotMatch(tag, /\b(?:src|href|xlink:href|action|srcset|poster|data)\s*=/i, `a tag refers to something: ${tag}`);
    assert.doesNotMatch(tag, /url\((?!#)/, `a tag refers to something: ${tag}`);
  }
  // Text from scanned files may name a URL (an auth-url in a tooltip); the page's own style, script and tags never do.
  const code = [...html.matchAll(/<(style|script)[^>]*>([\s\S]*?)<\/\1>/g)].map((match) => match[2]).join('\n');
  assert.doesNotMatch(code, /https?:\/\/|@import|@font-face/i);
  assert.doesNotMatch(html, /<link|<iframe|<object|<embed|<img/i);
  assert.equal(html.match(/<script/g)?.length, 1);
  assert.equal(html.match(/<style/g)?.length, 1);
  assert.doesNotMatch(html, /\sstyle=|\son[a-z]+=/, 'no inline style or event-handler attributes (the policy would block them)');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  const sha = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  assert.equal(policy, `default-src 'none'; style-src ${sha(style)}; script-src ${sha(script)}; base-uri 'none'; form-action 'none'`);
});

test('html: names and messages from scanned files are escaped (markup, quotes, entities, bidi overrides)', async () => {
  const root = hostileExample();
  try {
    const html = await htmlOf(root);
    assert.equal(html.match(/<script/g)?.length, 1, 'only the page’s own script');
    assert.doesNotMatch(html, /<img|<\/script>[^\n]*<\/script>|onerror=alert\(1\)>/);
    const escaped = escapeHtml(HOSTILE_NAME);
    assert.equal(escaped, 'fraud-canary&#60;script&#62;alert(&#34;xss&#34;)&#60;/script&#62;&#60;img src=x onerror=alert(1)&#62;&#39;&#38;amp;\\u202e');
    // In node tooltips, captions, path messages and hops.
    assert.match(html, new RegExp(`<title>Deployment models/${escapeRegExp(escaped)} \\(NVIDIA Triton Inference Server\\)\\n`));
    assert.match(html, new RegExp(`<p class="message">Deployment &#39;${escapeRegExp(escaped)}&#39; shares traffic`));
    assert.ok(html.split(escaped).length > 5);
    // Still the same six paths: the names changed, not the scan.
    assert.match(html, /data-paths="6"/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('html: captions wrap at spaces, split long words, and stop at three lines', () => {
  assert.deepEqual(wrap('Deployment models/fraud-primary · Triton Inference Server'), ['Deployment models/fraud-primary', '· Triton Inference Server']);
  assert.deepEqual(wrap('s3://a-very-long-bucket-name-for-models/with/a/deep/prefix'), ['s3://a-very-long-bucket-name-for', '-models/with/a/deep/prefix']);
  assert.deepEqual(wrap(''), ['']);
  const long = wrap('word '.repeat(40));
  assert.equal(long.length, 3);
  assert.ok(long[2]?.endsWith('…'));
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
