import { inferenceServiceComponents, KSERVE_GROUP, llmInferenceServiceFacts } from '../../model/adapt/crds/kserve.js';
import type { K8sObject } from '../../model/kubernetes.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

/** KServe's S3 annotations on a credential Secret (kserve pkg/credentials/s3/s3_secret.go). */
const S3_ANNOTATIONS: ReadonlyArray<{ key: string; messageId: 'plainS3' | 'unverifiedS3' }> = [
  { key: 'serving.kserve.io/s3-usehttps', messageId: 'plainS3' },
  { key: 'serving.kserve.io/s3-verifyssl', messageId: 'unverifiedS3' },
];
/** The Secret KServe reads storage settings from by default (`storageSpecSecretName`). */
const STORAGE_CONFIG = 'storage-config';

/** `http://host/…` to anything but the pod itself. */
function plainHttpUrl(text: string): string | undefined {
  const match = /(?:^|[\s=,])(http:\/\/([^/\s:,]+)[^\s,]*)/i.exec(text.trim());
  if (!match) return undefined;
  const host = (match[2] as string).toLowerCase();
  return host === 'localhost' || /^127\./.test(host) || host === '[::1]' ? undefined : match[1];
}

/** `"0"`, `false`, `False`: KServe's storage initializer reads these as off. */
function isOff(value: unknown): boolean {
  return (typeof value === 'string' && /^(0|false)$/i.test(value.trim())) || value === false || value === 0;
}

export const modelDownloadInsecureChannel = defineRule({
  meta: {
    id: 'IG-ML-062',
    name: 'model-download-insecure-channel',
    title: 'Model weights downloaded over an unauthenticated or unverified channel',
    severity: 'high',
    rationale:
      "Model weights are code for the serving pod: whoever can change them in transit changes what the model answers and, for pickle-based formats, runs code in the pod. Over plain HTTP (a `storageUri` of `http://…`, `serving.kserve.io/s3-usehttps: \"0\"`) anyone on the network path can read and replace the files, and the S3 credentials travel in clear; with TLS verification off (`serving.kserve.io/s3-verifyssl: \"0\"`, `verify_ssl: \"0\"` in the `storage-config` Secret) anyone who can answer for the endpoint's name can.",
    remediation:
      'Fetch models over HTTPS with certificate verification: use `https://` or `s3://` / `gs://` URIs, set `serving.kserve.io/s3-usehttps: "1"` and `serving.kserve.io/s3-verifyssl: "1"` (with `serving.kserve.io/s3-cabundle` for a private CA) and `verify_ssl: "1"` in `storage-config`; reach the store through a private endpoint, and verify artifact digests or signatures.',
    references: ['https://github.com/kserve/kserve/blob/master/pkg/credentials/s3/s3_secret.go', 'https://kserve.github.io/website/docs/model-serving/storage/providers/s3'],
    mappings: { stride: ['T'], atlas: ['AML.T0010.003', 'AML.T0010.002'], owasp: ['ML06'], nist: ['SC-8', 'SI-7'] },
    targets: ['k8s:Workload', 'k8s:InferenceService', 'k8s:LLMInferenceService', 'k8s:Secret'],
    fix: 'none',
    sensitiveSource: true,
    messages: {
      plainHttpUri: '{{kind}} {{name}} downloads its model from {{uri}} over plain HTTP: anyone on the network path can replace it.',
      plainHttpSource: "Container '{{container}}' ({{server}}) loads its model from {{uri}} ({{setting}}) over plain HTTP: anyone on the network path can replace it.",
      plainS3: 'Secret {{name}} sets {{annotation}}: "{{value}}": KServe fetches models and sends S3 credentials over plain HTTP.',
      unverifiedS3: 'Secret {{name}} sets {{annotation}}: "{{value}}": KServe fetches models without verifying the storage endpoint\'s certificate.',
      storageConfigUnverified: 'Secret storage-config entry {{entry}} sets verify_ssl to "{{value}}": models are fetched without verifying the storage endpoint\'s certificate.',
    },
    examples: {
      bad: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: { name: sklearn-iris, namespace: models }
spec:
  predictor:
    model:
      modelFormat: { name: sklearn }
      storageUri: http://models.example.com/iris/
`,
      good: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: { name: sklearn-iris, namespace: models }
spec:
  predictor:
    model:
      modelFormat: { name: sklearn }
      storageUri: https://models.example.com/iris/
`,
    },
  },
  create(context) {
    const reportUris = (object: K8sObject, uris: readonly Node[]): void => {
      for (const node of uris) {
        const text = node.str();
        const uri = text === undefined ? undefined : plainHttpUrl(text);
        if (uri) context.report({ messageId: 'plainHttpUri', data: { kind: object.kind, name: object.name ?? '(unnamed)', uri }, at: node });
      }
    };
    return {
      object(object) {
        if (object.group === KSERVE_GROUP && object.kind === 'InferenceService') {
          reportUris(object, inferenceServiceComponents(object).flatMap((component) => component.storageUris));
        } else if (object.group === KSERVE_GROUP && object.kind === 'LLMInferenceService') {
          reportUris(object, llmInferenceServiceFacts(object).modelUris);
        } else if (object.group === '' && object.kind === 'Secret') {
          for (const { key, messageId } of S3_ANNOTATIONS) {
            const node = object.root.get('metadata', 'annotations', key);
            const value = node.str();
            if (value !== undefined && isOff(value)) context.report({ messageId, data: { name: object.name ?? '(unnamed)', annotation: key, value }, at: node });
          }
          if (object.name === STORAGE_CONFIG) {
            for (const [field, encoded] of [['stringData', false], ['data', true]] as const) {
              for (const [entry, node] of object.root.get(field).entries()) {
                const raw = node.str();
                if (raw === undefined) continue;
                const text = encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
                let config: unknown;
                try {
                  config = JSON.parse(text);
                } catch {
                  continue;
                }
                const verify = config !== null && typeof config === 'object' && !Array.isArray(config) ? (config as Record<string, unknown>)['verify_ssl'] : undefined;
                if (isOff(verify)) context.report({ messageId: 'storageConfigUnverified', data: { entry, value: String(verify) }, at: node });
              }
            }
          }
        }
      },
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (!server) return;
        for (const source of server.modelSources) {
          const uri = typeof source.value === 'string' ? plainHttpUrl(source.value) : undefined;
          if (uri) context.report({ messageId: 'plainHttpSource', data: { container: container.name || '(unnamed)', server: server.info.title, uri, setting: source.name }, at: source.node });
        }
      },
    };
  },
});
