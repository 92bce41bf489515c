import { ruleTester } from '../../testing/rule-tester.js';
import { remoteCodeTrustedUnpinned } from './remote-code-trusted-unpinned.js';

ruleTester(remoteCodeTrustedUnpinned, {
  fixtures: 'src/rules/ml/__fixtures__/remote-code-trusted-unpinned',
  valid: [{ name: 'commit-pinned revisions, local model paths, trust off, a revision not in the scan, a sidecar that is not a server', file: 'pass-pinned-and-local.yaml' }],
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
  ],
});
