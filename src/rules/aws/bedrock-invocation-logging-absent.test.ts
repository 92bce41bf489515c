import { ruleTester } from '../../testing/rule-tester.js';
import { bedrockInvocationLoggingAbsent } from './bedrock-invocation-logging-absent.js';

ruleTester(bedrockInvocationLoggingAbsent, {
  fixtures: 'src/rules/aws/__fixtures__/bedrock-invocation-logging-absent',
  valid: [
    { name: 'logging configured by another configuration scanned alongside', file: 'pass-logging-in-platform' },
    { name: 'a remote module that was not downloaded may configure logging', file: 'pass-remote-module' },
    { name: 'only a Bedrock data source, no Bedrock resource', file: 'pass-no-bedrock' },
  ],
  invalid: [
    {
      name: 'a guardrail and an agent in a local module, no logging anywhere: one finding at the first resource',
      file: 'fail-no-logging',
      errors: [{ file: 'main.tf', line: 1, messageId: 'notConfigured' }],
    },
  ],
});
