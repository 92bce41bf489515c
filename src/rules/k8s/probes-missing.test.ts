import { ruleTester } from '../../testing/rule-tester.js';
import { probesMissing } from './probes-missing.js';

ruleTester(probesMissing, {
  fixtures: 'src/rules/k8s/__fixtures__/probes-missing',
  valid: [
    { name: 'probed servers, Job, CronJob, run-to-completion Pod, unknown probes, ephemeral container', file: 'pass-probed-or-batch.yaml' },
    { name: 'kustomize patches: no selector, or containers without an image', file: 'pass-kustomize-patches.yaml' },
    { name: 'operator probes: KubeRay Ray container, KServe on Knative and its model spec, RayJob submitter', file: 'pass-crd-defaults.yaml' },
  ],
  invalid: [
    {
      name: 'Triton without liveness, sidecar beside it (no traffic) without liveness, init container skipped',
      file: 'fail-deployment.yaml',
      errors: [
        { line: 17, messageId: 'noLivenessProbe', severity: 'medium' },
        { line: 23, messageId: 'noLivenessProbe', severity: 'low' },
      ],
    },
    {
      name: 'TF Serving without readiness, DaemonSet without ports or probes (liveness only)',
      file: 'fail-statefulset-daemonset.yaml',
      errors: [
        { line: 15, messageId: 'noReadinessProbe', severity: 'medium' },
        { line: 33, messageId: 'noLivenessProbe', severity: 'low' },
      ],
    },
    {
      name: 'a restartPolicy of Always is a long-running pod',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  restartPolicy: Always\n  containers:\n    - name: a\n      image: x:1\n      ports: [{containerPort: 80}]\n',
      errors: [{ line: 7, messageId: 'noProbes' }],
    },
    {
      name: 'readiness only where traffic arrives: node agent, queue worker, Service-selected pod, Knative Services',
      file: 'fail-traffic-or-not.yaml',
      errors: [
        { line: 15, messageId: 'noLivenessProbe', severity: 'low' },
        { line: 37, messageId: 'noLivenessProbe', severity: 'low' },
        { line: 60, messageId: 'noProbes', severity: 'low' },
        { line: 83, messageId: 'noLivenessProbe', severity: 'low' },
      ],
    },
    {
      name: 'Ray sidecars get no probes from KubeRay; a RawDeployment predictor none from Knative',
      file: 'fail-crd.yaml',
      errors: [
        { line: 15, messageId: 'noProbes' },
        { line: 19, messageId: 'noLivenessProbe' },
        { line: 32, messageId: 'noProbes' },
      ],
    },
  ],
});
