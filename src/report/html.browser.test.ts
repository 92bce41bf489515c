// The HTML picture in a real browser: Debian's Chromium, headless, driven by playwright-core (which downloads
// no browser of its own), loading the file as a user opens it — file://, no server. One browser for the file.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { BROKEN_EXAMPLE, FIXED_EXAMPLE, HOSTILE_NAME, hostileExample, htmlOf } from '../testing/html-pictures.js';

/** Where Debian and Ubuntu put Chromium, unless INFERGUARD_CHROMIUM names another. */
const CANDIDATES = [process.env.INFERGUARD_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string => path !== undefined && path.length > 0);
const executablePath = CANDIDATES.find((path) => existsSync(path));
// CI (.ci/run) requires the browser, so a CI machine without Chromium fails loudly; elsewhere (`npm test` on a fresh
// machine) a missing Chromium skips these tests with the reason, and INFERGUARD_SKIP_BROWSER=1 skips them on purpose.
const required = process.env.INFERGUARD_REQUIRE_BROWSER === '1';
const skip =
  process.env.INFERGUARD_SKIP_BROWSER === '1'
    ? 'INFERGUARD_SKIP_BROWSER=1: the headless-browser test of the HTML picture is skipped'
    : executablePath === undefined && !required
      ? `no Chromium at ${CANDIDATES.join(', ')}: the headless-browser test of the HTML picture is skipped (install Debian's chromium, as .ci/run does, or set INFERGUARD_CHROMIUM)`
      : false;

/** The page's own, for the callbacks that run in it: the project compiles without the DOM library. */
declare function getComputedStyle(element: unknown): { readonly stroke: string; readonly opacity: string };

let browser: Browser | undefined;
const workspace = mkdtempSync(join(tmpdir(), 'inferguard-html-'));

before(async () => {
  if (skip) return;
  if (executablePath === undefined) {
    throw new Error(`INFERGUARD_REQUIRE_BROWSER=1 and no Chromium at ${CANDIDATES.join(', ')}: install Debian's package (apt-get install --no-install-recommends chromium, as .ci/run does) or set INFERGUARD_CHROMIUM to a Chromium binary`);
  }
  browser = await chromium.launch({ executablePath, headless: true });
});

after(async () => {
  await browser?.close();
  rmSync(workspace, { recursive: true, force: true });
});

interface Loaded {
  readonly page: Page;
  /** Console errors and warnings, uncaught exceptions, and every request other than the page itself. */
  readonly problems: string[];
  readonly dialogs: string[];
}

async function open(name: string, html: string): Promise<Loaded> {
  const file = join(workspace, name);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await (browser as Browser).newPage({ viewport: { width: 1400, height: 900 } });
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (request.url() !== url) problems.push(`request: ${request.url()}`);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, dialogs };
}

test('browser: the broken example loads cleanly, shows its nodes, and highlights the paths the report counts', { skip }, async () => {
  const { page, problems } = await open('broken.html', await htmlOf(BROKEN_EXAMPLE));
  try {
    assert.equal(await page.title(), 'inferguard: attack paths');
    const summary = page.locator('#summary');
    assert.match((await summary.textContent()) ?? '', /^6 attack paths \(1 critical, 2 high, 3 medium\); 6 edges and 10 nodes of the graph highlighted\.$/);
    const hotEdges = Number(await summary.getAttribute('data-hot-edges'));
    const hotNodes = Number(await summary.getAttribute('data-hot-nodes'));
    assert.deepEqual([hotEdges, hotNodes], [6, 10]);
    assert.equal(await page.locator('#graph .edge.hot').count(), hotEdges);
    assert.equal(await page.locator('#graph .node.hot').count(), hotNodes);
    assert.equal(await page.locator('li.path').count(), Number(await summary.getAttribute('data-paths')));

    // The nodes a reader looks for are drawn and visible (a wide picture scrolls inside its frame).
    for (const label of ['Internet', 'Any pod in the cluster', 'Ingress models/fraud-canary', 'ServiceAccount models/fraud', 'IAM role aws_iam_role.fraud', 's3://acme-models/ranker', 'S3 bucket acme-models']) {
      const node = page.locator('#graph .node', { has: page.locator('text.label', { hasText: label }) }).first();
      await node.scrollIntoViewIfNeeded();
      assert.ok(await node.isVisible(), `${label} is not visible`);
    }
    // The highlight is painted: the page's own style ran (the policy admits it by hash).
    const stroke = await page.locator('#graph .edge.hot path').first().evaluate((path) => getComputedStyle(path).stroke);
    assert.equal(stroke, 'rgb(200, 16, 46)');
    const plain = await page.locator('#graph .edge:not(.hot) path').first().evaluate((path) => getComputedStyle(path).stroke);
    assert.notEqual(plain, stroke);

    // Pointing at the theft path (IG-GRAPH-002) shows its four edges and dims the rest; a click keeps it.
    const theft = page.locator('li.path', { hasText: 'IG-GRAPH-002' });
    await theft.hover();
    assert.equal(await page.locator('#graph.focus').count(), 1);
    assert.equal(await page.locator('#graph .edge.on').count(), 4);
    assert.equal(await page.locator('#graph .node.on').count(), 5);
    await theft.click();
    await page.locator('h1').hover();
    assert.equal(await page.locator('#graph .edge.on').count(), 4, 'a clicked path stays shown');
    const dimmed = await page.locator('#graph .node:not(.on)').first().evaluate((node) => Number(getComputedStyle(node).opacity));
    assert.ok(dimmed < 0.5, `the other nodes are dimmed (opacity ${dimmed})`);
    await theft.click();
    await page.locator('h1').hover();
    assert.equal(await page.locator('#graph.focus').count(), 0, 'a second click lets go');
    // "Fit" scales the picture to the window.
    await page.locator('#fit').click();
    const width = await page.locator('#graph').evaluate((svg) => svg.getBoundingClientRect().width);
    assert.ok(width <= 1400, `fitted width ${width}`);

    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('browser: the fixed example loads cleanly, draws the graph, highlights nothing', { skip }, async () => {
  const { page, problems } = await open('fixed.html', await htmlOf(FIXED_EXAMPLE));
  try {
    assert.equal(await page.locator('#summary').textContent(), 'No attack paths found.');
    assert.equal(await page.locator('#graph .hot').count(), 0);
    assert.equal(await page.locator('li.path').count(), 0);
    assert.ok((await page.locator('#graph .node').count()) >= 30);
    assert.ok(await page.locator('#graph .node', { has: page.locator('text.label', { hasText: 'Internet' }) }).isVisible());
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('browser: a hostile name is shown as text and runs nothing', { skip }, async () => {
  const root = hostileExample();
  try {
    const { page, problems, dialogs } = await open('hostile.html', await htmlOf(root));
    try {
      assert.deepEqual(dialogs, [], 'no alert ran');
      assert.equal(await page.locator('script').count(), 1);
      assert.equal(await page.locator('img').count(), 0);
      const message = await page.locator('li.path .message').first().textContent();
      assert.ok(message?.includes(HOSTILE_NAME.replace('\u202e', '\\u202e')), message ?? '');
      const tooltip = await page.locator('#graph .node.k-workload title', { hasText: '<script>' }).first().textContent();
      assert.ok(tooltip?.startsWith(`Deployment models/${HOSTILE_NAME.replace('\u202e', '\\u202e')} (`), tooltip ?? '');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
