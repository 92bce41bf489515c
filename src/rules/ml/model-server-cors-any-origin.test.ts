import { ruleTester } from '../../testing/rule-tester.js';
import { modelServerCorsAnyOrigin } from './model-server-cors-any-origin.js';

ruleTester(modelServerCorsAnyOrigin, {
  fixtures: 'src/rules/ml/__fixtures__/model-server-cors-any-origin',
  valid: [{ name: 'explicit origins, vLLM default without credentials, Secret value, TorchServe env without enable_envvars_config, not a server', file: 'pass-explicit-origins.yaml' }],
  invalid: [
    {
      name: 'Ollama, TGI, vLLM with credentials (default and explicit), MLflow flag and env, TorchServe config, Ollama https://*',
      file: 'fail-any-origin.yaml',
      errors: [
        { line: 21, messageId: 'anyOrigin', severity: 'medium' },
        { line: 32, messageId: 'anyOrigin', severity: 'medium' },
        { line: 43, messageId: 'anyOriginWithCredentials', severity: 'medium' },
        { line: 46, messageId: 'anyOriginWithCredentials', severity: 'medium' },
        { line: 57, messageId: 'anyOrigin', severity: 'medium' },
        { line: 63, messageId: 'anyOrigin', severity: 'medium' },
        { line: 71, messageId: 'anyOrigin', severity: 'medium' },
        { line: 102, messageId: 'anyOrigin', severity: 'medium' },
      ],
    },
  ],
});
