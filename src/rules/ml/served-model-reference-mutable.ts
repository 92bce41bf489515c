import { inferenceServiceComponents, KSERVE_GROUP, llmInferenceServiceFacts } from '../../model/adapt/crds/kserve.js';
import { commandWords } from '../../model/ml/command-line.js';
import type { CommandWord } from '../../model/ml/command-line.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { flagSpellings, isCommitSha, modelReferenceKind } from '../../model/ml/serving-options.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

const REVISION = { flags: [...flagSpellings('--revision'), '--model_revision'], env: ['REVISION'] } as const;

/** `oci://registry/repo:tag` or `oci://registry/repo` (no digest): the artifact behind the name can change. */
function ociByTag(uri: string): boolean {
  return /^oci:\/\//i.test(uri) && !/@sha256:[0-9a-f]{64}$/i.test(uri.trim());
}

/** `hf://org/model` with no `:<40-hex>` revision suffix. */
function hubUnpinned(uri: string): boolean {
  const match = /^hf:\/\/([^:@]+)(?:[:@](.+))?$/i.exec(uri.trim());
  return match !== null && !isCommitSha(match[2]);
}

export const servedModelReferenceMutable = defineRule({
  meta: {
    id: 'IG-ML-063',
    name: 'served-model-reference-mutable',
    title: 'Served model reference is mutable',
    severity: 'medium',
    rationale:
      "A model named by a Hugging Face Hub id without a commit, an `hf://` storage URI, an `oci://` modelcar by tag, or an Ollama model without a tag (`latest`) is resolved again at every pod start. An upstream push — a new release, a compromised maintainer account, a repository transferred or re-created under the same name — silently changes the weights (and with custom code, the code) that answer production traffic, and two replicas of the same Deployment can serve different models. Pinning is also what makes an evaluation or an approval refer to what actually runs.",
    remediation:
      'Pin the model: vLLM `--revision <commit-sha>`, TGI `REVISION=<commit-sha>`, an `oci://…@sha256:<digest>` modelcar, an Ollama tag that names a version (`llama3.1:8b-instruct-q4_K_M`, better a local Modelfile). Better still, mirror the reviewed model to storage you control (a bucket, a PVC, your own registry) and serve it from there.',
    references: [
      'https://github.com/huggingface/text-generation-inference/blob/main/docs/source/reference/launcher.md',
      'https://docs.vllm.ai/en/stable/configuration/engine_args/',
      'https://kserve.github.io/website/docs/model-serving/storage/overview',
    ],
    mappings: { stride: ['T'], atlas: ['AML.T0010.003'], owasp: ['ML06', 'LLM03'], nist: ['SR-4', 'CM-2'] },
    targets: ['k8s:Workload', 'k8s:InferenceService', 'k8s:LLMInferenceService'],
    fix: 'none',
    messages: {
      hubUnpinned: "Container '{{container}}' ({{server}}) serves '{{model}}' from the Hugging Face Hub without a commit pin{{revision}}: an upstream push changes the production model.",
      storageUriUnpinned: "{{kind}} '{{name}}' serves '{{uri}}' from the Hugging Face Hub without a commit pin: an upstream push changes the production model.",
      ociByTag: "{{kind}} '{{name}}' serves the modelcar '{{uri}}' by tag, not by digest: whoever can push that tag changes the production model.",
      ollamaLatest: "Container '{{container}}' pulls the Ollama model '{{model}}' without a version tag (latest): the registry decides which weights are served.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "meta-llama/Llama-3.1-8B-Instruct"]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--revision", "0e9e39f249a16976918f6564b8830bc894c89659"]
`,
    },
  },
  create(context) {
    const reportUri = (kind: string, name: string, uri: Node): void => {
      const text = uri.str();
      if (text === undefined) return;
      if (hubUnpinned(text)) context.report({ messageId: 'storageUriUnpinned', data: { kind, name, uri: text }, at: uri });
      else if (ociByTag(text)) context.report({ messageId: 'ociByTag', data: { kind, name, uri: text }, at: uri });
    };
    return {
      object(object) {
        if (object.group !== KSERVE_GROUP) return;
        const name = object.name ?? '(unnamed)';
        if (object.kind === 'InferenceService') {
          for (const component of inferenceServiceComponents(object)) for (const uri of component.storageUris) reportUri(object.kind, name, uri);
        } else if (object.kind === 'LLMInferenceService') {
          for (const uri of llmInferenceServiceFacts(object).modelUris) reportUri(object.kind, name, uri);
        }
      },
      container(container) {
        const name = container.name || '(unnamed)';
        for (const pull of ollamaPulls(commandWords(container))) {
          context.report({ messageId: 'ollamaLatest', data: { container: name, model: pull.model }, at: pull.node });
        }
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'vllm' && server?.kind !== 'tgi' && server?.kind !== 'nim') return;
        // An LLMInferenceService's `spec.model.uri` is the object visitor's.
        const source = server.modelSources.find((candidate) => candidate.source !== 'resource' && typeof candidate.value === 'string' && modelReferenceKind(candidate.value) === 'hub');
        const nimModel = server.kind === 'nim' ? server.setting({ env: ['NIM_MODEL_NAME'] }) : undefined;
        const hub = source ?? (typeof nimModel?.value === 'string' && /^hf:\/\//i.test(nimModel.value) ? nimModel : undefined);
        if (!hub || typeof hub.value !== 'string') return;
        const revision = server.setting(REVISION);
        if (revision && (revision.value === undefined || isCommitSha(revision.value))) return;
        context.report({
          messageId: 'hubUnpinned',
          data: { container: name, server: server.info.title, model: hub.value, revision: revision ? ` (${revision.source === 'argument' ? revision.description : `${revision.description}=${String(revision.value)}`} is a branch or tag)` : '' },
          at: hub.node,
          ...(revision ? { related: [{ at: revision.node, message: revision.description }] } : {}),
        });
      },
    };
  },
});

/** `ollama pull MODEL` / `ollama run MODEL` where MODEL has no tag or the tag `latest`. */
function ollamaPulls(words: readonly CommandWord[]): Array<{ model: string; node: Node }> {
  const out: Array<{ model: string; node: Node }> = [];
  for (let i = 0; i + 2 < words.length; i++) {
    if (!/(^|\/)ollama$/.test(words[i]?.text ?? '') || !['pull', 'run'].includes(words[i + 1]?.text ?? '')) continue;
    const word = words[i + 2] as CommandWord;
    const model = word.text;
    if (model === '' || model.startsWith('-') || /[$`{}]/.test(model)) continue;
    // The tag follows the last `:` of the last path segment (`registry:5000/ns/model` has none).
    const last = model.slice(model.lastIndexOf('/') + 1);
    const tag = last.includes(':') ? last.slice(last.indexOf(':') + 1) : undefined;
    if (tag === undefined || tag === 'latest') out.push({ model, node: word.node });
  }
  return out;
}
