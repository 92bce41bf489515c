import { ruleTester } from '../../testing/rule-tester.js';
import { llmBuiltinCodeToolsEnabled } from './llm-builtin-code-tools-enabled.js';

ruleTester(llmBuiltinCodeToolsEnabled, {
  fixtures: 'src/rules/ml/__fixtures__/llm-builtin-code-tools-enabled',
  valid: [{ name: 'an external tool server and the web-search label only', file: 'pass-external-tools.yaml' }],
  invalid: [
    {
      name: '--tool-server=demo and the code_interpreter MCP label',
      file: 'fail-demo-tools.yaml',
      errors: [
        { line: 18, messageId: 'demoToolServer', severity: 'high' },
        { line: 21, messageId: 'mcpCodeTools', severity: 'high' },
      ],
    },
  ],
});
