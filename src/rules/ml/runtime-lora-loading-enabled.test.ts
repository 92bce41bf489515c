import { ruleTester } from '../../testing/rule-tester.js';
import { runtimeLoraLoadingEnabled } from './runtime-lora-loading-enabled.js';

ruleTester(runtimeLoraLoadingEnabled, {
  fixtures: 'src/rules/ml/__fixtures__/runtime-lora-loading-enabled',
  valid: [{ name: 'adapters from local paths at start, runtime updates without LoRA, TGI local adapters', file: 'pass-static-lora.yaml' }],
  invalid: [
    {
      name: 'vLLM --enable_lora with runtime updates; TGI adapters with an unpinned Hub id beside a local and a pinned one',
      file: 'fail-runtime-lora.yaml',
      errors: [
        { line: 22, messageId: 'runtimeUpdates', severity: 'high' },
        { line: 28, messageId: 'unpinnedAdapters', severity: 'high' },
      ],
    },
  ],
});
