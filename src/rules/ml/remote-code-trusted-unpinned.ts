import { modelServerFacts } from '../../model/ml/model-server.js';
import { flagSpellings, isCommitSha, isEnabledValue, modelReferenceKind } from '../../model/ml/serving-options.js';
import { defineRule } from '../define-rule.js';

const TRUST = { flags: flagSpellings('--trust-remote-code'), env: ['TRUST_REMOTE_CODE', 'HF_MODEL_TRUST_REMOTE_CODE'], switch: true } as const;
/** `--code-revision` pins the code when written; otherwise the code comes from the model revision. */
const CODE_REVISION = { flags: flagSpellings('--code-revision') } as const;
// KServe's huggingfaceserver spells the model revision `--model_revision`.
const MODEL_REVISION = { flags: [...flagSpellings('--revision'), '--model_revision', '--model-revision'], env: ['REVISION', 'HF_MODEL_REVISION'] } as const;

export const remoteCodeTrustedUnpinned = defineRule({
  meta: {
    id: 'IG-ML-020',
    name: 'remote-code-trusted-unpinned',
    title: 'Remote model code trusted without a pinned revision',
    severity: 'high',
    rationale:
      'With trust-remote-code the server imports and runs the Python files (`modeling_*.py`, tokenizer code) that ship in the model repository on the Hugging Face Hub, inside the serving pod, at every start. Without a commit pin, whoever can push to that repository (its owner, a compromised maintainer token, a typo-squatted or transferred name) decides what code runs next time a replica starts: code execution with the pod\'s ServiceAccount, cloud identity, GPUs and inference traffic. The TGI launcher reference explicitly encourages passing a `revision` when loading a model with custom code.',
    remediation:
      'Prefer a model that needs no custom code. Otherwise pin the model and its code to a full commit SHA (`--revision <40-hex>` / `--code-revision <40-hex>` for vLLM, `REVISION` for TGI, `--model_revision` for the KServe Hugging Face server), review that commit, and better mirror it to storage you control (a PVC, a bucket, an OCI artifact by digest) and serve it from a local path.',
    references: [
      'https://github.com/huggingface/text-generation-inference/blob/main/docs/source/reference/launcher.md',
      'https://docs.vllm.ai/en/stable/configuration/engine_args/',
    ],
    mappings: { stride: ['T', 'E'], atlas: ['AML.T0010.003', 'AML.T0011.000'], owasp: ['ML06', 'LLM03'], nist: ['SI-7', 'SR-4', 'SR-11'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      unpinned:
        "Container '{{container}}' ({{server}}) sets {{setting}} and loads '{{model}}' from the Hugging Face Hub without a commit pin: whoever can push to that repository decides what Python runs in the pod.",
      branchPinned:
        "Container '{{container}}' ({{server}}) sets {{setting}} with {{revision}}, which is not a commit SHA: the code it runs from the model repository can change under the same name.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "acme/chat-7b", "--trust-remote-code"]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "acme/chat-7b", "--trust-remote-code", "--revision", "0123456789abcdef0123456789abcdef01234567"]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (!server) return;
        const trust = server.settings(TRUST).find((setting) => isEnabledValue(setting.value));
        if (!trust) return;
        // A model read from a local path or from storage carries no Hub revision: what was copied there runs.
        const sources = server.modelSources.map((source) => (typeof source.value === 'string' ? modelReferenceKind(source.value) : 'unknown'));
        // A model name that is not readable here is no evidence either way.
        if (sources.includes('unknown')) return;
        if (sources.length > 0 && sources.every((kind) => kind === 'local' || kind === 'storage' || kind === 'oci')) return;
        // Without a model named, only vLLM and TGI fall back to a default Hub model.
        if (sources.length === 0 && server.kind !== 'vllm' && server.kind !== 'tgi') return;
        const hubSource = server.modelSources.find((source) => typeof source.value === 'string' && modelReferenceKind(source.value) === 'hub');
        // An LLMInferenceService's `hf://org/model[:revision]` is downloaded to /mnt/models before vLLM starts: only the URI's revision pins it.
        const uriRevision = hubSource?.source === 'resource' ? /^hf:\/\/[^:@]+[:@](.+)$/i.exec(String(hubSource.value))?.[1] : undefined;
        if (isCommitSha(uriRevision)) return;
        const pin = hubSource?.source === 'resource' ? undefined : (server.setting(CODE_REVISION) ?? server.setting(MODEL_REVISION));
        if (pin && pin.value === undefined) return;
        if (pin && isCommitSha(pin.value)) return;
        const data = { container: container.name || '(unnamed)', server: server.info.title, setting: trust.description };
        if (pin) {
          context.report({ messageId: 'branchPinned', data: { ...data, revision: pin.source === 'argument' ? pin.description : `${pin.description}=${String(pin.value)}` }, at: pin.node, related: [{ at: trust.node, message: trust.description }] });
          return;
        }
        const model = typeof hubSource?.value === 'string' ? hubSource.value : '(the default model)';
        context.report({ messageId: 'unpinned', data: { ...data, model }, at: trust.node, ...(hubSource ? { related: [{ at: hubSource.node, message: hubSource.description }] } : {}) });
      },
    };
  },
});
