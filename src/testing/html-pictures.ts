// Test-only: the HTML picture of a scanned directory, as `inferguard paths -f html` renders it, and a copy of
// the broken canary example whose names carry markup, for the escaping tests.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverFiles } from '../discover/discover.js';
import { servingGraph } from '../graph/serving-graph.js';
import { scanFiles } from '../pipeline/scan.js';
import { renderHtml } from '../report/html.js';
import { RULES } from '../rules/index.js';

export const BROKEN_EXAMPLE = 'examples/multi-model-canary/broken';
export const FIXED_EXAMPLE = 'examples/multi-model-canary/fixed';

/** What a hostile manifest names its canary: markup, both quotes, an entity and a bidi override. */
export const HOSTILE_NAME = `fraud-canary<script>alert("xss")</script><img src=x onerror=alert(1)>'&amp;\u202e`;

export async function htmlOf(path: string): Promise<string> {
  const discovered = await discoverFiles({ paths: [path], cwd: process.cwd() });
  const rules = RULES.filter((rule) => rule.meta.id.startsWith('IG-GRAPH-'));
  const { result, models } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules, failOn: 'none', today: '2026-11-29' });
  return renderHtml(servingGraph(models.kubernetes, models.terraform), result, { toolVersion: '0.0.0-test' });
}

/** The broken example in a fresh temporary directory, its fraud canary (Deployment, Service, Ingress) renamed HOSTILE_NAME. */
export function hostileExample(): string {
  const root = mkdtempSync(join(tmpdir(), 'inferguard-hostile-'));
  cpSync(BROKEN_EXAMPLE, root, { recursive: true });
  const file = join(root, 'k8s', 'fraud.yaml');
  const quoted = JSON.stringify(HOSTILE_NAME);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/name: fraud-canary(?=[,\s])/g, `name: ${quoted}`));
  return root;
}
