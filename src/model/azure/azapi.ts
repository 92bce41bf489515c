import type { PlainValue } from '../../parse/kubernetes/types.js';
import type { TerraformModel, TfResource } from '../terraform.js';
import { isPlainObject } from '../value.js';
import type { Node } from '../value.js';

/**
 * A value inside the `body` of an `azapi_resource`. azapi v2 takes `body` as an HCL object; azapi v1 took
 * `jsonencode({...})`, whose structure the evaluator keeps: both are read with exact locations. A body
 * given as other JSON text (a heredoc, `file()`) is parsed here and its values point at the `body` attribute.
 */
export interface AzapiValue {
  readonly state: 'set' | 'absent' | 'unknown';
  readonly value: PlainValue | undefined;
  /** Where to report: the value itself in the object form, the `body` attribute in the string form. */
  readonly at: Node;
}

/** `Microsoft.MachineLearningServices/workspaces/onlineEndpoints` of `…/onlineEndpoints@2024-04-01`, lower-cased (ARM types are case-insensitive); undefined when unknown or not an azapi resource. */
export function azapiTypeOf(resource: TfResource): string | undefined {
  if (resource.resourceType !== 'azapi_resource' || resource.mode !== 'managed') return undefined;
  const type = resource.root.get('type').str();
  if (type === undefined) return undefined;
  const at = type.indexOf('@');
  return (at === -1 ? type : type.slice(0, at)).toLowerCase();
}

/** The value at `path` under `body`; 'unknown' when the body (or a step of the path) is unknown or is not valid JSON. */
export function azapiBodyValue(resource: TfResource, ...path: string[]): AzapiValue {
  const written = resource.root.get('body');
  // `jsonencode({...})`: read the structure it encodes, each value at its own line (also when part of it is unknown).
  const body = written.jsonencoded() ?? written;
  if (body.state === 'unknown') return { state: 'unknown', value: undefined, at: body };
  if (body.state === 'absent' || body.value === null) return { state: 'absent', value: undefined, at: body };
  const text = body.str();
  if (text === undefined) {
    const node = body.get(...path);
    return { state: node.state, value: node.state === 'set' ? node.value : undefined, at: node.state === 'absent' ? body : node };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { state: 'unknown', value: undefined, at: body };
  }
  let current = value as PlainValue | undefined;
  for (const key of path) current = isPlainObject(current) && Object.prototype.hasOwnProperty.call(current, key) ? current[key] : undefined;
  return { state: current === undefined || current === null ? 'absent' : 'set', value: current ?? undefined, at: body };
}

/** The string at `path` under `body`, compared case-insensitively by callers; undefined when absent, unknown or not a string. */
export function azapiBodyString(resource: TfResource, ...path: string[]): { readonly text: string | undefined; readonly value: AzapiValue } {
  const value = azapiBodyValue(resource, ...path);
  return { text: value.state === 'set' && typeof value.value === 'string' ? value.value : undefined, value };
}

/** The resources a value references (`parent_id = azapi_resource.endpoint.id`), every instance of each. */
export function referencedResources(terraform: TerraformModel, node: Node): TfResource[] {
  return node.references().flatMap((reference) => terraform.instancesOf(reference.address, node).filter((candidate) => reference.key === undefined || candidate.key === reference.key));
}
