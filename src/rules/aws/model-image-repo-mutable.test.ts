import { ruleTester } from '../../testing/rule-tester.js';
import { modelImageRepoMutable } from './model-image-repo-mutable.js';

ruleTester(modelImageRepoMutable, {
  fixtures: 'src/rules/aws/__fixtures__/model-image-repo-mutable',
  valid: [
    { name: 'immutable and scanned, settings from unresolved variables, a repository no model server uses', file: 'pass-repos.tf' },
    { name: 'registry-wide scanning replaces scan on push', file: 'pass-registry-scanning' },
  ],
  invalid: [
    {
      name: 'SageMaker images by reference and by ECR URI: default and explicit MUTABLE, scan off, MUTABLE from a variable default',
      file: 'fail-repos.tf',
      errors: [
        { line: 6, messageId: 'mutableDefault' },
        { line: 6, messageId: 'noScanOnPush' },
        { line: 12, messageId: 'mutable' },
        { line: 14, messageId: 'noScanOnPush' },
        { line: 20, messageId: 'mutable' },
      ],
    },
    {
      name: 'the ECR repository of a vLLM container in a manifest of the scan; the web container repository is not judged',
      file: 'fail-kubernetes',
      errors: [{ file: 'ecr.tf', line: 1, messageId: 'noScanOnPush' }],
    },
  ],
});
