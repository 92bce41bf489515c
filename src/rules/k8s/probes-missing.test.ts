import { ruleTester } from '../../testing/rule-tester.js';
import { probesMissing } from './probes-missing.js';

ruleTester(probesMissing, {
  fixtures: 'src/rules/k8s/__fixtures__/probes-missing',
  valid: [
    { name: 'probed servers, Job, CronJob, run-to-completion Pod, unknown probes, ephemeral container', file: 'pass-probed-or-batch.yaml' },
    { name: 'kustomize patches: no selector, or containers without an image', file: 'pass-kustomize-patches.yaml' },
  ],
  invalid: [
    {
      name: 'Triton without liveness, sidecar without probes, init container skipped',
      file: 'fail-deployment.yaml',
      errors: [
        { line: 17, messageId: 'noLivenessProbe', severity: 'medium' },
        { line: 23, messageId: 'noProbes', severity: 'low' },
      ],
    },
    {
      name: 'TF Serving without readiness, DaemonSet without probes',
      file: 'fail-statefulset-daemonset.yaml',
      errors: [
        { line: 15, messageId: 'noReadinessProbe', severity: 'medium' },
        { line: 33, messageId: 'noProbes', severity: 'low' },
      ],
    },
    {
      name: 'a restartPolicy of Always is a long-running pod',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  restartPolicy: Always\n  containers:\n    - name: a\n      image: x:1\n',
      errors: [{ line: 7, messageId: 'noProbes' }],
    },
  ],
});
