// Data sources whose result can be computed from their configuration alone
// (`data.aws_iam_policy_document.x.json`). A data source without renderer has its computed
// attributes unknown, which is right for `aws_caller_identity`, `aws_region` and the like.
import { renderPolicyDocumentJson } from '../../iam/policy-document.js';
import { SourceFile } from '../../../source/source-file.js';
import { Node } from '../../value.js';
import { object, str } from './eval-value.js';
import type { EvalValue, ObjectValue } from './eval-value.js';
import { lowerBody } from './lower.js';

/** Receives the evaluated body of one data source instance; returns the attributes it can compute. */
export type DataSourceRenderer = (body: ObjectValue) => ReadonlyMap<string, EvalValue>;

const NOWHERE = new SourceFile('', '');

/** `json` and `minified_json` as the AWS provider renders them; nothing when any input is unknown. */
const awsIamPolicyDocument: DataSourceRenderer = (body) => {
  // The renderer reads the same located model the rules read; positions are not needed here.
  const root = Node.root(lowerBody({ value: body, spans: new Map() }, { file: NOWHERE, start: 0, end: 0, index: 0 }));
  const json = renderPolicyDocumentJson(root);
  const minified = renderPolicyDocumentJson(root, { minified: true });
  if (json === undefined || minified === undefined) return new Map();
  return new Map([
    ['json', str(json)],
    ['minified_json', str(minified)],
  ]);
};

/** By data source type. */
export const DATA_SOURCE_RENDERERS = new Map<string, DataSourceRenderer>([['aws_iam_policy_document', awsIamPolicyDocument]]);

/** The body with the attributes its renderer computes (the body itself when there are none). */
export function withComputedAttributes(mode: 'managed' | 'data', type: string, body: ObjectValue): ObjectValue {
  const renderer = mode === 'data' ? DATA_SOURCE_RENDERERS.get(type) : undefined;
  if (!renderer) return body;
  let computed: ReadonlyMap<string, EvalValue>;
  try {
    computed = renderer(body);
  } catch {
    // A renderer bug costs the computed attributes, not the resource.
    return body;
  }
  return computed.size === 0 ? body : object([...body.entries, ...computed], 'object');
}
