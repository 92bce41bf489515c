// Test-only helpers: located documents from inline YAML / JSON, as the Terraform evaluator lowers them.
import assert from 'node:assert/strict';
import { loadYamlStream } from '../../parse/kubernetes/load-yaml.js';
import { pointerOf } from '../../parse/kubernetes/types.js';
import type { TerraformReference, TerraformValueFacts } from '../../parse/kubernetes/types.js';
import { SourceFile } from '../../source/source-file.js';
import type { TfResource } from '../terraform.js';
import { Node } from '../value.js';
import type { PolicyDocument, PolicyString } from './policy.js';

export interface Facts {
  readonly unknown?: readonly string[];
  readonly references?: Readonly<Record<string, readonly TerraformReference[]>>;
}

/** The root of a one-document YAML / JSON text, as a Terraform document when `facts` is given. */
export function rootOf(text: string, facts?: Facts, path = 'main.tf'): Node {
  const [document] = loadYamlStream(new SourceFile(path, text));
  assert.ok(document && !document.error, document?.error?.message);
  if (!facts) return Node.root(document);
  const terraform: TerraformValueFacts = {
    unknown: new Set(facts.unknown ?? []),
    references: new Map(Object.entries(facts.references ?? {})),
    setBy: new Map(),
  };
  return Node.root({ ...document, terraform });
}

/** The 1-based line a node's value starts on. */
export function lineOf(node: Node): number {
  const span = node.doc.spans.get(pointerOf(node.path));
  assert.ok(span, `no span at ${pointerOf(node.path)}`);
  return node.doc.file.positionAt(span.start).line;
}

/** A resource instance around a located body. */
export function resourceOf(address: string, root: Node): TfResource {
  const parts = address.split('.');
  const mode = parts[0] === 'data' ? 'data' : 'managed';
  const [resourceType, name] = (mode === 'data' ? parts.slice(1) : parts) as [string, string];
  return {
    type: mode === 'data' ? `tf:data.${resourceType}` : `tf:${resourceType}`,
    mode,
    resourceType,
    name,
    address,
    configAddress: address,
    key: undefined,
    modulePath: [],
    file: root.doc.file,
    doc: root.doc,
    root,
    source: 'configuration',
  };
}

/** A policy as plain text, for table assertions: unknown values are `?`, empty fields left out. */
export function summarize(document: PolicyDocument | 'unknown'): unknown {
  if (document === 'unknown') return 'unknown';
  const text = (value: PolicyString | undefined): string | undefined => (value === undefined ? undefined : (value.value ?? '?'));
  const statements = document.statements.map((statement) => {
    const out: Record<string, unknown> = { effect: statement.effect };
    if (statement.sid) out.sid = text(statement.sid);
    const lists: Array<[string, readonly PolicyString[]]> = [
      ['actions', statement.actions],
      ['notActions', statement.notActions],
      ['resources', statement.resources],
      ['notResources', statement.notResources],
    ];
    for (const [key, list] of lists) if (list.length > 0) out[key] = list.map(text);
    if (statement.principals.length > 0) out.principals = statement.principals.map((principal) => `${principal.type}:${text(principal) ?? ''}`);
    if (statement.notPrincipals.length > 0) out.notPrincipals = statement.notPrincipals.map((principal) => `${principal.type}:${text(principal) ?? ''}`);
    if (statement.conditions.length > 0) out.conditions = statement.conditions.map((condition) => `${text(condition.operator) ?? ''} ${text(condition.key) ?? ''} ${JSON.stringify(condition.values.map(text))}`);
    return out;
  });
  const out: Record<string, unknown> = { statements };
  if (document.version) out.version = text(document.version);
  if (document.id) out.id = text(document.id);
  if (document.incomplete.length > 0) out.incomplete = document.incomplete.map((node) => pointerOf(node.path));
  return out;
}
