import { ruleTester } from '../../testing/rule-tester.js';
import { servedModelReferenceMutable } from './served-model-reference-mutable.js';

ruleTester(servedModelReferenceMutable, {
  fixtures: 'src/rules/ml/__fixtures__/served-model-reference-mutable',
  valid: [{ name: 'commit-pinned Hub id, local paths, an Ollama version tag, s3:// and an oci:// digest', file: 'pass-pinned.yaml' }],
  invalid: [
    {
      name: 'vLLM serve Hub id, TGI on a branch, ollama pull without a tag, hf:// and oci:// by tag storageUris',
      file: 'fail-mutable.yaml',
      errors: [
        { line: 16, messageId: 'hubUnpinned', severity: 'medium' },
        { line: 21, messageId: 'hubUnpinned', severity: 'medium' },
        { line: 27, messageId: 'ollamaLatest', severity: 'medium' },
        { line: 38, messageId: 'storageUriUnpinned', severity: 'medium' },
        { line: 49, messageId: 'ociByTag', severity: 'medium' },
      ],
    },
  ],
});
