import { ruleTester } from '../../testing/rule-tester.js';
import { mlflowVersionVulnerable } from './mlflow-version-vulnerable.js';

ruleTester(mlflowVersionVulnerable, {
  fixtures: 'src/rules/ml/__fixtures__/mlflow-version-vulnerable',
  valid: [{ name: 'fixed image tag, a newer pip pin over an old base image, latest, an MLflow client in a training job', file: 'pass-current.yaml' }],
  invalid: [
    {
      name: 'old MLflow image tag and an old pip pin in a shell script',
      file: 'fail-old-mlflow.yaml',
      errors: [
        { line: 16, messageId: 'vulnerable', severity: 'high' },
        { line: 23, messageId: 'vulnerable', severity: 'high' },
      ],
    },
  ],
});
