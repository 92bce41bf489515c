import type { NodeSpan, ParsedDocument, Path, PlainValue, TerraformReference, TerraformValueFacts, ValueSource } from '../../parse/kubernetes/types.js';
import { pointerOf } from '../../parse/kubernetes/types.js';
import type { K8sObject } from '../kubernetes.js';
import type { TfResource } from '../terraform.js';
import type { PlainObject } from '../value.js';
import { Node, isPlainObject } from '../value.js';
import { objectFromNode } from './kubernetes.js';
import type { BlockRule, ResourceRule } from './terraform-kubernetes-schema.js';
import { DECIMAL_ATTRIBUTES, FIELD_NAMES, OCTAL_ATTRIBUTES, TYPED_RESOURCES } from './terraform-kubernetes-schema.js';

/** A block the schema table does not know, converted by the default rule (camelCase, single unless repeated). */
export interface UnmappedBlock {
  /** Resource instance address: `kubernetes_deployment_v1.web`. */
  readonly address: string;
  /** Terraform pointer of the block in the resource body: `/spec/0/template/0/spec/0/overhead`. */
  readonly pointer: string;
}

export interface TerraformKubernetesResult {
  readonly objects: K8sObject[];
  readonly unmappedBlocks: readonly UnmappedBlock[];
}

/**
 * The Kubernetes objects that the hashicorp/kubernetes provider resources create, so that every Kubernetes
 * rule applies to them.
 *
 * - `kubernetes_manifest`: the `manifest` attribute is the object, read in place (same document).
 * - Typed resources (`kubernetes_deployment_v1`, `kubernetes_service`, …): converted into a new document in the
 *   `.tf` file whose spans and Terraform facts (unknown, references, setBy) come from the attribute or block
 *   each value was written as; `apiVersion` and `kind` point at the resource block header.
 *
 * `namespace` is `metadata.namespace` as written and undefined when omitted, as for a manifest without one,
 * although the provider then creates the object in `default`: rules that care (default-namespace-used) judge an
 * omitted namespace the same way for both sources. Data sources are skipped: they read objects, not create them.
 */
export function kubernetesObjectsFromTerraform(resources: readonly TfResource[]): K8sObject[] {
  return convertTerraformKubernetes(resources).objects;
}

/** As `kubernetesObjectsFromTerraform`, and which blocks went through the default rule. */
export function convertTerraformKubernetes(resources: readonly TfResource[]): TerraformKubernetesResult {
  const objects: K8sObject[] = [];
  const unmappedBlocks: UnmappedBlock[] = [];
  for (const resource of resources) {
    if (resource.mode !== 'managed') continue;
    if (resource.resourceType === 'kubernetes_manifest') {
      const object = objectFromNode(resource.root.get('manifest'));
      if (object) objects.push(object);
      continue;
    }
    const rule = TYPED_RESOURCES.get(resource.resourceType);
    if (!rule) continue;
    const unmapped: string[] = [];
    const object = convertTyped(resource, rule, unmapped);
    if (object) objects.push(object);
    for (const pointer of unmapped) unmappedBlocks.push({ address: resource.address, pointer });
  }
  return { objects, unmappedBlocks };
}

function convertTyped(resource: TfResource, rule: ResourceRule, unmapped: string[]): K8sObject | undefined {
  const body = resource.root.value;
  // An unknown or missing body (a plan placeholder) has nothing to convert.
  if (resource.root.state !== 'set' || !isPlainObject(body)) return undefined;
  const source = resource.doc;
  const base = resource.root.path;
  const converter = new Converter(source, unmapped);
  const converted = converter.block(body, base, [], rule.body);
  const apiVersion = typeof rule.apiVersion === 'string' ? rule.apiVersion : rule.apiVersion((name) => specHas(body, base, name, source));
  const value: PlainObject = { apiVersion, kind: rule.kind, ...converted };

  const whole = source.spans.get(pointerOf(base)) ?? { start: source.start, end: source.end };
  converter.spans.set('', whole);
  const header = headerSpan(source, whole);
  converter.spans.set('/apiVersion', header);
  converter.spans.set('/kind', header);

  const doc: ParsedDocument = {
    file: source.file,
    index: source.index,
    start: source.start,
    end: source.end,
    value,
    spans: converter.spans,
    ...(source.terraform ? { terraform: converter.facts() } : {}),
  };
  return objectFromNode(Node.root(doc));
}

/** Whether the resource's `spec` block writes `name` (a value unknown until apply counts as written). */
function specHas(body: PlainObject, base: Path, name: string, source: ParsedDocument): boolean {
  const spec = body.spec;
  const first = Array.isArray(spec) ? spec[0] : undefined;
  if (!isPlainObject(first) || !Object.hasOwn(first, name)) return false;
  const value = first[name];
  if (Array.isArray(value)) return value.length > 0;
  return value !== null || (source.terraform?.unknown.has(pointerOf([...base, 'spec', 0, name])) ?? false);
}

/** The first line of the resource block: `resource "kubernetes_deployment_v1" "web" {`. */
function headerSpan(source: ParsedDocument, whole: NodeSpan): NodeSpan {
  const start = whole.keyStart ?? whole.start;
  const text = source.file.text;
  const newline = text.indexOf('\n', start);
  const end = Math.min(newline === -1 ? text.length : newline, whole.end);
  return { start, end: Math.max(start, end) };
}

/** Keys come from the configuration: `__proto__` must be an ordinary key, not the prototype. */
function setOwn(target: PlainObject, key: string, value: PlainValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function fieldName(name: string, renames: Readonly<Record<string, string>> | undefined): string {
  return renames?.[name] ?? FIELD_NAMES[name] ?? camelCase(name);
}

/** The lowering writes every nested block as a non-empty array of objects; attributes never look like that here. */
function looksLikeBlocks(value: PlainValue | undefined): value is PlainObject[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => isPlainObject(item));
}

/** Builds the Kubernetes value and its spans and facts, pointer by pointer, from the Terraform body. */
class Converter {
  readonly spans = new Map<string, NodeSpan>();
  private readonly unknown = new Set<string>();
  private readonly unknownReasons = new Map<string, string>();
  private readonly references = new Map<string, readonly TerraformReference[]>();
  private readonly setBy = new Map<string, readonly ValueSource[]>();

  constructor(
    private readonly source: ParsedDocument,
    private readonly unmapped: string[],
  ) {}

  facts(): TerraformValueFacts {
    return { unknown: this.unknown, references: this.references, setBy: this.setBy, unknownReasons: this.unknownReasons };
  }

  /** The attributes and nested blocks of one block. */
  block(value: PlainObject, tf: Path, k8s: Path, rule: BlockRule): PlainObject {
    const out: PlainObject = {};
    for (const [key, child] of Object.entries(value)) {
      if (rule.drop?.includes(key)) continue;
      const childTf = [...tf, key];
      const nested = rule.blocks?.[key];
      if (nested) {
        this.nestedBlock(out, key, child, childTf, k8s, nested);
        continue;
      }
      if (looksLikeBlocks(child)) {
        this.unmapped.push(pointerOf(childTf));
        // Several blocks stay a list so that nothing written is lost.
        this.nestedBlock(out, key, child, childTf, k8s, { list: child.length > 1 });
        continue;
      }
      // A known null is an attribute Terraform leaves unset (every unset attribute of a plan).
      if (child === null && !this.isUnknown(childTf)) continue;
      const field = fieldName(key, rule.attributes);
      setOwn(out, field, this.attribute(key, child, childTf, [...k8s, field]));
    }
    return out;
  }

  private nestedBlock(out: PlainObject, key: string, value: PlainValue, tf: Path, parent: Path, rule: BlockRule): void {
    const field = rule.field ?? fieldName(key, undefined);
    const k8s = [...parent, field];
    if (this.isUnknown(tf)) {
      // A `dynamic` block over a collection known only at apply.
      setOwn(out, field, null);
      this.carry(tf, k8s);
      return;
    }
    const items: Array<[PlainValue, Path]> = Array.isArray(value) ? value.map((item, index) => [item, [...tf, index]]) : isPlainObject(value) ? [[value, tf]] : [];
    if (items.length === 0) return;
    const [firstItem] = items;
    if (rule.inline) {
      if (!firstItem || this.isUnknown(firstItem[1]) || !isPlainObject(firstItem[0])) return;
      for (const [name, converted] of Object.entries(this.block(firstItem[0], firstItem[1], parent, rule))) setOwn(out, name, converted);
      return;
    }
    if (rule.flatten) {
      setOwn(out, field, this.flatten(items, k8s, rule));
      this.carry(tf, k8s, firstItem?.[1]);
      return;
    }
    if (!rule.list) {
      // The provider's `Max: 1` blocks, and the repeated ones Kubernetes holds once: the first block is sent.
      if (!firstItem) return;
      const [item, itemTf] = firstItem;
      this.carry(itemTf, k8s, tf);
      // Facts written on the block list as a whole (a `dynamic` block's for_each) belong to the object too.
      if (itemTf !== tf) this.carry(tf, k8s);
      this.borrowKey(k8s, tf);
      if (this.isUnknown(itemTf)) setOwn(out, field, null);
      else if (isPlainObject(item)) setOwn(out, field, this.block(item, itemTf, k8s, rule));
      return;
    }
    const list = items.map(([item, itemTf], index): PlainValue => {
      const itemK8s = [...k8s, index];
      this.carry(itemTf, itemK8s);
      if (this.isUnknown(itemTf) || !isPlainObject(item)) return null;
      return this.block(item, itemTf, itemK8s, rule);
    });
    setOwn(out, field, list);
    this.carry(tf, k8s, firstItem?.[1]);
  }

  /** `sources { secret {…} secret {…} }` → `sources: [{ secret: … }, { secret: … }]`. */
  private flatten(items: Array<[PlainValue, Path]>, k8s: Path, rule: BlockRule): PlainValue[] {
    const entries: PlainValue[] = [];
    for (const [item, itemTf] of items) {
      if (!isPlainObject(item)) continue;
      for (const [key, child] of Object.entries(item)) {
        const childTf = [...itemTf, key];
        const nested = rule.blocks?.[key];
        if (!nested) {
          if (child !== null) this.unmapped.push(pointerOf(childTf));
          continue;
        }
        if (!Array.isArray(child)) continue;
        const subField = nested.field ?? fieldName(key, undefined);
        child.forEach((sub, index) => {
          const subTf = [...childTf, index];
          const entryK8s = [...k8s, entries.length];
          this.carry(subTf, entryK8s);
          this.carry(subTf, [...entryK8s, subField]);
          const converted = this.isUnknown(subTf) || !isPlainObject(sub) ? null : this.block(sub, subTf, [...entryK8s, subField], nested);
          const entry: PlainObject = {};
          setOwn(entry, subField, converted);
          entries.push(entry);
        });
      }
    }
    return entries;
  }

  /** An attribute value: maps keep their keys (labels, limits, data); provider strings become integers where Kubernetes has them. */
  private attribute(key: string, value: PlainValue, tf: Path, k8s: Path): PlainValue {
    this.carry(tf, k8s);
    if (this.isUnknown(tf)) return null;
    if (DECIMAL_ATTRIBUTES.has(key) && typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
    if (OCTAL_ATTRIBUTES.has(key) && (typeof value === 'string' || typeof value === 'number')) {
      const text = String(value).trim();
      if (/^[0-7]+$/.test(text)) return parseInt(text, 8);
    }
    return this.copy(value, tf, k8s);
  }

  private copy(value: PlainValue, tf: Path, k8s: Path): PlainValue {
    if (Array.isArray(value)) {
      return value.map((item, index) => {
        this.carry([...tf, index], [...k8s, index]);
        return this.isUnknown([...tf, index]) ? null : this.copy(item, [...tf, index], [...k8s, index]);
      });
    }
    if (isPlainObject(value)) {
      const out: PlainObject = {};
      for (const [key, item] of Object.entries(value)) {
        this.carry([...tf, key], [...k8s, key]);
        setOwn(out, key, this.isUnknown([...tf, key]) ? null : this.copy(item, [...tf, key], [...k8s, key]));
      }
      return out;
    }
    return value;
  }

  /**
   * A single block is located by the block itself; when that span has no key (the `- ` item of a YAML-shaped
   * body) the key of the list of blocks is used, so that a missing field points at `security_context`.
   */
  private borrowKey(k8s: Path, list: Path): void {
    const to = pointerOf(k8s);
    const own = this.spans.get(to);
    const outer = this.source.spans.get(pointerOf(list));
    if (!own || own.keyStart !== undefined || outer?.keyStart === undefined || outer.keyEnd === undefined) return;
    this.spans.set(to, { start: own.start, end: own.end, keyStart: outer.keyStart, keyEnd: outer.keyEnd });
  }

  private isUnknown(tf: Path): boolean {
    const unknown = this.source.terraform?.unknown;
    return unknown !== undefined && unknown.size > 0 && unknown.has(pointerOf(tf));
  }

  /** The span and facts of a Terraform pointer, under a Kubernetes pointer; `fallback` when the first has no span. */
  private carry(tf: Path, k8s: Path, fallback?: Path): void {
    const from = pointerOf(tf);
    const to = pointerOf(k8s);
    const span = this.source.spans.get(from) ?? (fallback ? this.source.spans.get(pointerOf(fallback)) : undefined);
    if (span && !this.spans.has(to)) this.spans.set(to, span);
    const facts = this.source.terraform;
    if (!facts) return;
    if (facts.unknown.has(from)) {
      this.unknown.add(to);
      const reason = facts.unknownReasons?.get(from);
      if (reason !== undefined) this.unknownReasons.set(to, reason);
    }
    const references = facts.references.get(from);
    if (references) this.references.set(to, [...(this.references.get(to) ?? []), ...references]);
    const setBy = facts.setBy.get(from);
    if (setBy) this.setBy.set(to, [...(this.setBy.get(to) ?? []), ...setBy]);
  }
}
