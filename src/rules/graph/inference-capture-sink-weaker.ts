import { bucketEncryption } from '../../model/aws/bucket-encryption.js';
import type { BucketEncryption } from '../../model/aws/bucket-encryption.js';
import { namesBucket, s3BucketsNamedBy } from '../../model/aws/model-buckets.js';
import { referencesResource, refersTo } from '../../model/terraform.js';
import type { TerraformModel, TfResource } from '../../model/terraform.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';
import type { RelatedHop } from '../define-rule.js';

/** Bedrock resources that name a customer managed key, and where. */
const BEDROCK_KEYED: ReadonlyArray<readonly [string, string]> = [
  ['aws_bedrock_custom_model', 'custom_model_kms_key_id'],
  ['aws_bedrock_guardrail', 'kms_key_arn'],
  ['aws_bedrockagent_agent', 'customer_encryption_key_arn'],
];

/** The payload switches of a Bedrock `logging_config` (each defaults to true). */
const BEDROCK_PAYLOADS = ['text_data_delivery_enabled', 'image_data_delivery_enabled', 'embedding_data_delivery_enabled', 'video_data_delivery_enabled'];

/** A weak S3 sink: a bucket whose default encryption leaves objects under keys AWS manages. */
interface WeakBucket {
  readonly bucket: TfResource;
  readonly encryption: Exclude<BucketEncryption, { readonly kind: 'customer-key' } | { readonly kind: 'unknown' }>;
}

export const inferenceCaptureSinkWeaker = defineRule({
  meta: {
    id: 'IG-GRAPH-010',
    name: 'inference-capture-sink-weaker',
    title: 'Inference capture or log sink weaker than the endpoint',
    severity: 'high',
    rationale:
      "Data capture, asynchronous output and request-response logging copy the prompts, documents and personal data users send, and the model's answers, out of the endpoint into a bucket, a log group or a BigQuery dataset. When the endpoint (or the Bedrock estate) is encrypted with a customer managed key, someone decided that this data needs a key whose policy they control, whose use CloudTrail / Cloud Audit Logs record and which they can revoke. A copy kept under a key the cloud provider manages undoes that decision: whoever can read the sink reads the traffic, and disabling the key no longer makes it unreadable.\n\nHow the rule decides, per sink (the single-resource rules IG-AWS-004 / IG-AWS-005 flag a missing key on their own; this rule replaces them where it can show that the sink is also weaker than the endpoint):\n\n- SageMaker: the endpoint configuration sets `kms_key_arn`, but `data_capture_config` (with `enable_capture = true`) or `async_inference_config.output_config` sets no `kms_key_id`, and the bucket of `destination_s3_uri` / `s3_output_path` / `s3_failure_path` is in the scan with a default encryption that is not SSE-KMS with a key of yours. Without `kms_key_id` SageMaker names no key of yours for what it writes (for its other S3 outputs the API documents the account's AWS managed `aws/s3` key), and the bucket supplies none either.\n- Bedrock: `aws_bedrock_model_invocation_logging_configuration` delivers prompts (a `*_data_delivery_enabled` switch is not false) to a bucket in the scan without SSE-KMS and a key of yours, or to an `aws_cloudwatch_log_group` without `kms_key_id`, while an `aws_bedrock_custom_model`, `aws_bedrock_guardrail` or `aws_bedrockagent_agent` of the same root configuration (and region, when both say) names a customer managed key. Bedrock's S3 delivery has no key setting of its own: the bucket's default decides.\n- Vertex AI: a `google_vertex_ai_endpoint` with `encryption_spec.kms_key_name` logs requests and responses (`predict_request_response_logging_config.enabled = true`) to `bq://project.dataset[.table]`, and that `google_bigquery_dataset` is in the scan without `default_encryption_configuration`. The endpoint's key covers the endpoint and its sub-resources; the logging table is a BigQuery table, which takes its dataset's default key unless its creator names another.\n\nA key that is unknown until apply counts as a key on the sink side; on the endpoint side a key computed from another resource (`aws_kms_key.k.arn`) counts, a variable without a value does not. A sink whose URI or name cannot be linked to a resource in the scan is not judged.",
    remediation:
      "Give the sink at least the endpoint's protection: set `kms_key_id` in `data_capture_config` / `output_config` (the endpoint's key or a dedicated one), give the capture and log buckets SSE-KMS default encryption with a customer managed key (`aws_s3_bucket_server_side_encryption_configuration` with `kms_master_key_id`), set `kms_key_id` on Bedrock's log group, and `default_encryption_configuration { kms_key_name = … }` on the BigQuery dataset Vertex AI logs to. Add a lifecycle expiry (`aws_s3_bucket_lifecycle_configuration`, `retention_in_days`, `default_table_expiration_ms`) and access logging on the sink: it holds the users' conversations.",
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_endpoint_configuration',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/bedrock_model_invocation_logging_configuration',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/vertex_ai_endpoint',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_dataset',
    ],
    mappings: { stride: ['I', 'R'], atlas: ['AML.T0057', 'AML.T0036'], owasp: ['LLM02'], nist: ['AU-9', 'SC-28'] },
    targets: [
      'tf:aws_sagemaker_endpoint_configuration',
      'tf:aws_bedrock_model_invocation_logging_configuration',
      'tf:google_vertex_ai_endpoint',
      'tf:aws_s3_bucket',
      'tf:aws_cloudwatch_log_group',
      'tf:google_bigquery_dataset',
    ],
    fix: 'none',
    supersedes: ['IG-AWS-004', 'IG-AWS-005'],
    messages: {
      dataCapture:
        "Endpoint configuration '{{address}}' encrypts the endpoint with a customer managed key (`kms_key_arn`), but its data capture sets no `kms_key_id` and writes captured requests and responses to {{sinks}}: the prompts and answers are kept under weaker keys than the endpoint.",
      asyncOutput:
        "Endpoint configuration '{{address}}' encrypts the endpoint with a customer managed key (`kms_key_arn`), but its async inference output sets no `kms_key_id` and writes the responses to {{sinks}}: the answers are kept under weaker keys than the endpoint.",
      bedrockLog:
        "Bedrock invocation logging '{{address}}' delivers prompts and responses to {{sink}}, while '{{keyed}}'{{others}} is encrypted with a customer managed key: the logged invocations are less protected than the Bedrock resources they come from.",
      vertexLog:
        "Vertex AI endpoint '{{address}}' is encrypted with a customer-managed key (`encryption_spec`), but logs requests and responses to BigQuery dataset '{{dataset}}', which sets no default customer-managed key (`default_encryption_configuration`): the logged prompts and predictions are kept under weaker keys than the endpoint.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_s3_bucket" "capture" {
  bucket = "acme-chat-capture"
}

resource "aws_sagemaker_endpoint_configuration" "chat" {
  name        = "chat"
  kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  production_variants {
    model_name             = "chat"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://acme-chat-capture/chat"
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}
`,
      good: `resource "aws_s3_bucket" "capture" {
  bucket = "acme-chat-capture"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "capture" {
  bucket = aws_s3_bucket.capture.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "chat" {
  name        = "chat"
  kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  production_variants {
    model_name             = "chat"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://acme-chat-capture/chat"
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.mode !== 'managed') return;
        if (resource.resourceType === 'aws_sagemaker_endpoint_configuration') checkSageMaker(resource);
        else if (resource.resourceType === 'aws_bedrock_model_invocation_logging_configuration') checkBedrock(resource);
        else if (resource.resourceType === 'google_vertex_ai_endpoint') checkVertex(resource);
      },
    };

    function checkSageMaker(config: TfResource): void {
      const endpointKey = config.root.get('kms_key_arn');
      if (!namesKey(endpointKey)) return;
      const keyHop: RelatedHop = { at: endpointKey, message: "the endpoint's storage volume is encrypted with this customer managed key" };
      for (const capture of config.root.get('data_capture_config').items()) {
        // As IG-AWS-004: `enable_capture` defaults to false; the finding sits where that rule's does, which it replaces.
        if (!capture.get('enable_capture').isTrue()) continue;
        const key = capture.get('kms_key_id');
        if (key.isWritten()) continue;
        const uri = capture.get('destination_s3_uri');
        const weak = weakBuckets(context.terraform, uri);
        if (weak.length === 0) continue;
        context.report({
          messageId: 'dataCapture',
          at: key,
          data: { address: config.address, sinks: describeBuckets(weak) },
          related: [keyHop, { at: uri, message: 'captured requests and responses are written here' }, ...bucketHops(weak)],
        });
      }
      for (const async of config.root.get('async_inference_config').items()) {
        for (const output of async.get('output_config').items()) {
          const key = output.get('kms_key_id');
          if (key.isWritten()) continue;
          const sinks = [
            { path: output.get('s3_output_path'), message: 'asynchronous inference results are written here' },
            { path: output.get('s3_failure_path'), message: 'failed asynchronous inferences are written here' },
          ].map((sink) => ({ ...sink, weak: weakBuckets(context.terraform, sink.path) }));
          const pathHops = sinks.filter((sink) => sink.weak.length > 0).map((sink): RelatedHop => ({ at: sink.path, message: sink.message }));
          const weak = [...new Map(sinks.flatMap((sink) => sink.weak).map((entry) => [entry.bucket, entry])).values()];
          if (weak.length === 0) continue;
          context.report({
            messageId: 'asyncOutput',
            at: key,
            data: { address: config.address, sinks: describeBuckets(weak) },
            related: [keyHop, ...pathHops, ...bucketHops(weak)],
          });
        }
      }
    }

    function checkBedrock(logging: TfResource): void {
      const terraform = context.terraform;
      const region = logging.root.get('region').str();
      const keyed: { resource: TfResource; key: Node }[] = [];
      for (const [type, attribute] of BEDROCK_KEYED) {
        for (const resource of terraform.byType(`tf:${type}`)) {
          // Another root configuration may deploy to another account: only resources evaluated with the logging compare.
          if (resource.mode !== 'managed' || resource.rootDir !== logging.rootDir) continue;
          // Invocation logging is set per region: a resource of another known region is not compared.
          const other = resource.root.get('region').str();
          if (region !== undefined && other !== undefined && region !== other) continue;
          const key = resource.root.get(attribute);
          if (namesKey(key)) keyed.push({ resource, key });
        }
      }
      const [first] = keyed;
      if (first === undefined) return;
      const comparison = {
        keyed: first.resource.address,
        others: keyed.length > 1 ? ` (and ${keyed.length - 1} more Bedrock resource${keyed.length > 2 ? 's' : ''})` : '',
      };
      const keyHop: RelatedHop = { at: first.key, message: `'${first.resource.address}' is encrypted with this customer managed key` };
      for (const config of logging.root.get('logging_config').items()) {
        // With every payload switched off only metadata is logged.
        if (BEDROCK_PAYLOADS.every((name) => config.get(name).isFalse())) continue;
        const buckets = [...config.get('s3_config').items(), ...config.get('cloudwatch_config').items().flatMap((cloudwatch) => cloudwatch.get('large_data_delivery_s3_config').items())].map((block) => block.get('bucket_name'));
        for (const name of buckets) {
          const weak = weakBucketsNamed(terraform, name);
          if (weak.length === 0) continue;
          context.report({
            messageId: 'bedrockLog',
            at: name,
            data: { address: logging.address, sink: describeBuckets(weak), ...comparison },
            related: [keyHop, ...bucketHops(weak)],
          });
        }
        for (const cloudwatch of config.get('cloudwatch_config').items()) {
          const name = cloudwatch.get('log_group_name');
          const groups = logGroupsNamed(terraform, name);
          if (groups.length === 0 || groups.some((group) => group.root.get('kms_key_id').isWritten())) continue;
          const sink = groups.map((group) => `log group '${group.address}' (no \`kms_key_id\`: CloudWatch Logs' own keys)`).join(', ');
          context.report({
            messageId: 'bedrockLog',
            at: name,
            data: { address: logging.address, sink, ...comparison },
            related: [keyHop, ...groups.map((group): RelatedHop => ({ at: group, message: `log group '${group.address}' sets no \`kms_key_id\`` }))],
          });
        }
      }
    }

    function checkVertex(endpoint: TfResource): void {
      const endpointKey = endpoint.root.get('encryption_spec', 0, 'kms_key_name');
      if (!namesKey(endpointKey)) return;
      for (const logging of endpoint.root.get('predict_request_response_logging_config').items()) {
        if (!logging.get('enabled').isTrue()) continue;
        for (const destination of logging.get('bigquery_destination').items()) {
          const uri = destination.get('output_uri');
          const target = bigQueryTargetOf(context.terraform, uri);
          if (target === undefined || target.datasets.length === 0) continue;
          // Every dataset the URI may name must lack a default key, and a table declared in the scan must lack its own.
          if (target.datasets.some(datasetHasKey)) continue;
          if (target.table !== undefined && tablesNamed(context.terraform, target.datasets, target.table).some(tableHasKey)) continue;
          context.report({
            messageId: 'vertexLog',
            at: uri,
            data: { address: endpoint.address, dataset: target.datasets.map((dataset) => dataset.address).join("', '") },
            related: [
              { at: endpointKey, message: "the endpoint's customer-managed key" },
              ...target.datasets.map((dataset): RelatedHop => ({ at: dataset, message: `dataset '${dataset.address}' sets no \`default_encryption_configuration\`` })),
            ],
          });
        }
      }
    }
  },
});

/**
 * A key argument that names a customer managed key: a written value, or one computed from another resource
 * (`aws_kms_key.k.arn`, a module output). A variable without a value may still be null: it decides nothing.
 */
function namesKey(node: Node): boolean {
  if (node.state === 'unknown') return node.references().length > 0;
  const text = node.str();
  return text !== undefined && text.trim() !== '';
}

/**
 * The buckets an S3 URI names, when it names scanned buckets whose default encryption is known to leave
 * objects under AWS-managed keys; empty for a URI naming no scanned bucket, or one with a key of yours or an
 * unknown configuration.
 */
function weakBuckets(terraform: TerraformModel, uri: Node): WeakBucket[] {
  return uri.isWritten() ? (judge(terraform, s3BucketsNamedBy(terraform, uri)) ?? []) : [];
}

/** As `weakBuckets`, for a bucket argument holding a name (Bedrock's `bucket_name`). */
function weakBucketsNamed(terraform: TerraformModel, name: Node): WeakBucket[] {
  if (!name.isWritten()) return [];
  const buckets = terraform.byType('tf:aws_s3_bucket').filter((bucket) => bucket.mode === 'managed' && namesBucket(terraform, name, bucket));
  return judge(terraform, buckets) ?? [];
}

/** Undefined unless every bucket a value may name is weak (and there is one): two roots may each hold a bucket of that name. */
function judge(terraform: TerraformModel, buckets: readonly TfResource[]): WeakBucket[] | undefined {
  if (buckets.length === 0) return undefined;
  const weak: WeakBucket[] = [];
  for (const bucket of buckets) {
    const encryption = bucketEncryption(terraform, bucket);
    if (encryption.kind === 'customer-key' || encryption.kind === 'unknown') return undefined;
    weak.push({ bucket, encryption });
  }
  return weak;
}

function weaknessOf({ encryption }: WeakBucket): string {
  if (encryption.kind === 'none') return 'none configured, S3-managed keys';
  const algorithm = encryption.algorithm.str() ?? '';
  if (encryption.kind === 'aws-managed-key') return `\`${algorithm}\` without \`kms_master_key_id\`, the AWS managed \`aws/s3\` key`;
  return algorithm === '' ? 'no SSE-KMS algorithm, S3-managed keys' : `\`${algorithm}\`, S3-managed keys`;
}

function describeBuckets(weak: readonly WeakBucket[]): string {
  return weak.map((entry) => `bucket '${entry.bucket.address}' (default encryption: ${weaknessOf(entry)})`).join(' and ');
}

function bucketHops(weak: readonly WeakBucket[]): RelatedHop[] {
  return weak.map((entry) => ({ at: entry.encryption.kind === 'none' ? entry.bucket : entry.encryption.algorithm, message: `bucket '${entry.bucket.address}' default encryption: ${weaknessOf(entry)}` }));
}

/** The `aws_cloudwatch_log_group`s a `log_group_name` names, by reference or by known name. */
function logGroupsNamed(terraform: TerraformModel, name: Node): TfResource[] {
  if (!name.isWritten()) return [];
  const text = name.str();
  return terraform
    .byType('tf:aws_cloudwatch_log_group')
    .filter((group) => group.mode === 'managed' && (referencesResource(terraform, name, group) || (text !== undefined && group.root.get('name').str() === text)));
}

interface BigQueryTarget {
  readonly datasets: readonly TfResource[];
  readonly table?: string;
}

/**
 * The datasets a Vertex AI `output_uri` (`bq://project`, `bq://project.dataset`, `bq://project.dataset.table`)
 * names: by reference to a `google_bigquery_dataset`, or by its known `dataset_id` with a matching or unset
 * `project`. `bq://project` alone makes Vertex AI create the dataset: undefined.
 */
function bigQueryTargetOf(terraform: TerraformModel, uri: Node): BigQueryTarget | undefined {
  if (!uri.isWritten()) return undefined;
  const parsed = parseBigQueryUri(uri.str());
  const datasets = new Set<TfResource>();
  // `bq://${var.project}.${google_bigquery_dataset.logs.dataset_id}.requests`: the dataset it interpolates.
  for (const reference of uri.references()) {
    if (reference.attribute[0] !== 'dataset_id') continue;
    for (const dataset of terraform.instancesOf(reference.address, uri)) {
      if (dataset.resourceType === 'google_bigquery_dataset' && dataset.mode === 'managed' && refersTo(reference, dataset)) datasets.add(dataset);
    }
  }
  if (parsed !== undefined) {
    if (parsed.dataset === undefined) return undefined;
    for (const dataset of terraform.byType('tf:google_bigquery_dataset')) {
      if (dataset.mode !== 'managed' || dataset.root.get('dataset_id').str() !== parsed.dataset) continue;
      const project = dataset.root.get('project');
      // No `project`: the provider's, which the scan may not know.
      if (!project.isWritten() || project.str() === parsed.project) datasets.add(dataset);
    }
  }
  return { datasets: [...datasets], ...(parsed?.table !== undefined ? { table: parsed.table } : {}) };
}

/** `bq://project[.dataset[.table]]`; a domain-scoped project (`example.com:proj`) keeps its dots. */
function parseBigQueryUri(text: string | undefined): { project: string; dataset?: string; table?: string } | undefined {
  if (text === undefined || !text.startsWith('bq://')) return undefined;
  const rest = text.slice('bq://'.length);
  const colon = rest.indexOf(':');
  const projectEnd = rest.indexOf('.', colon < 0 ? 0 : colon);
  if (projectEnd < 0) return rest === '' ? undefined : { project: rest };
  const [dataset, table, ...extra] = rest.slice(projectEnd + 1).split('.');
  if (dataset === undefined || dataset === '' || extra.length > 0) return undefined;
  return { project: rest.slice(0, projectEnd), dataset, ...(table !== undefined && table !== '' ? { table } : {}) };
}

function datasetHasKey(dataset: TfResource): boolean {
  const config = dataset.root.get('default_encryption_configuration');
  return config.state === 'unknown' || config.items().some((block) => block.get('kms_key_name').isWritten());
}

/** The `google_bigquery_table`s with this `table_id` in one of the datasets (by reference or known `dataset_id`). */
function tablesNamed(terraform: TerraformModel, datasets: readonly TfResource[], table: string): TfResource[] {
  return terraform.byType('tf:google_bigquery_table').filter((candidate) => {
    if (candidate.mode !== 'managed' || candidate.root.get('table_id').str() !== table) return false;
    const datasetId = candidate.root.get('dataset_id');
    return datasets.some((dataset) => referencesResource(terraform, datasetId, dataset) || (datasetId.str() !== undefined && datasetId.str() === dataset.root.get('dataset_id').str()));
  });
}

function tableHasKey(table: TfResource): boolean {
  const config = table.root.get('encryption_configuration');
  return config.state === 'unknown' || config.items().some((block) => block.get('kms_key_name').isWritten());
}
