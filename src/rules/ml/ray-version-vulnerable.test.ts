import { ruleTester } from '../../testing/rule-tester.js';
import { rayVersionVulnerable } from './ray-version-vulnerable.js';

ruleTester(rayVersionVulnerable, {
  fixtures: 'src/rules/ml/__fixtures__/ray-version-vulnerable',
  valid: [{ name: 'Ray 2.54+ images (rayVersion ignored when the image names a release), rayVersion 2.55 with a nightly image, a look-alike image', file: 'pass-current.yaml' }],
  invalid: [
    {
      name: 'old Ray images in a RayCluster and a Deployment; a RayService whose custom image names no Ray release falls back to rayVersion',
      file: 'fail-kuberay.yaml',
      errors: [
        { line: 17, messageId: 'imageVulnerable', severity: 'medium' },
        { line: 26, messageId: 'imageVulnerable', severity: 'medium' },
        { line: 37, messageId: 'rayVersionVulnerable', severity: 'medium' },
        { line: 60, messageId: 'imageVulnerable', severity: 'medium' },
      ],
    },
    {
      name: 'the dashboard of the cluster leaves the namespace (NodePort head, LoadBalancer RayService, a host port): high for head and workers; only the Ray Client exposed stays medium',
      file: 'fail-dashboard-exposed.yaml',
      errors: [
        { line: 17, messageId: 'imageVulnerableDashboardExposed', severity: 'high' },
        { line: 26, messageId: 'imageVulnerableDashboardExposed', severity: 'high' },
        { line: 37, messageId: 'rayVersionVulnerableDashboardExposed', severity: 'high' },
        { line: 61, messageId: 'imageVulnerableDashboardExposed', severity: 'high' },
        { line: 81, messageId: 'imageVulnerable', severity: 'medium' },
      ],
    },
  ],
});
