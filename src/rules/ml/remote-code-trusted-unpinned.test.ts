import { ruleTester } from '../../testing/rule-tester.js';
import { remoteCodeTrustedUnpinned } from './remote-code-trusted-unpinned.js';

ruleTester(remoteCodeTrustedUnpinned, {
  fixtures: 'src/rules/ml/__fixtures__/remote-code-trusted-unpinned',
  valid: [
    { name: 'commit-pinned revisions, local model paths, trust off, a revision not in the scan, a sidecar that is not a server', file: 'pass-pinned-and-local.yaml' },
    { name: 'LLMInferenceService: a commit in the hf:// URI, a PVC model, VLLM_ADDITIONAL_ARGS from a Secret, the llm-d simulator with its own command', file: 'pass-llm-inference-service.yaml' },
  ],
  invalid: [
    {
      name: 'vLLM serve positional, TGI env pinned to a branch, KServe huggingfaceserver --trust_remote_code, vLLM in a shell script',
      file: 'fail-vllm-tgi-kserve.yaml',
      errors: [
        { line: 20, messageId: 'unpinned', severity: 'high' },
        { line: 44, messageId: 'branchPinned', severity: 'high' },
        { line: 61, messageId: 'unpinned', severity: 'high' },
        { line: 80, messageId: 'unpinned', severity: 'high' },
      ],
    },
    {
      name: 'LLMInferenceService: --trust-remote-code in VLLM_ADDITIONAL_ARGS (literal, and from a ConfigMap) with an unpinned or branch hf:// URI',
      file: 'fail-llm-inference-service.yaml',
      errors: [
        { line: 21, messageId: 'unpinned', severity: 'high' },
        { line: 55, messageId: 'unpinned', severity: 'high' },
      ],
    },
  ],
});
