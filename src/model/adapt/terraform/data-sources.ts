// Data sources whose result can be computed from their configuration alone
// (`data.aws_iam_policy_document.x.json`). Renderers are registered by the lead (src/model/iam/
// provides the IAM one); a data source without renderer has computed attributes unknown, which is
// correct for `aws_caller_identity`, `aws_region`, `aws_partition` and the like.
import type { EvalValue } from './eval-value.js';

/** Receives the evaluated body of one data source instance; returns the attributes it can compute. */
export type DataSourceRenderer = (body: EvalValue) => ReadonlyMap<string, EvalValue>;

/** By data source type: `aws_iam_policy_document`. */
export const DATA_SOURCE_RENDERERS = new Map<string, DataSourceRenderer>();
