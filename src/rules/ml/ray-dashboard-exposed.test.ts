import { ruleTester } from '../../testing/rule-tester.js';
import { rayDashboardExposed } from './ray-dashboard-exposed.js';

ruleTester(rayDashboardExposed, {
  fixtures: 'src/rules/ml/__fixtures__/ray-dashboard-exposed',
  valid: [
    {
      name: 'ClusterIP head, token auth, an authenticating Ingress (written, or copied by enableIngress), loopback or disabled dashboard, a worker, RAY_AUTH_MODE=token or from a Secret, routes to other ports or clusters',
      file: 'pass-private-or-authenticated.yaml',
    },
  ],
  invalid: [
    {
      name: 'KubeRay: NodePort head with an nginx Ingress, LoadBalancer RayService, enableIngress with an internal class, a RayJob with auth disabled, a custom LoadBalancer headService',
      file: 'fail-kuberay-exposed.yaml',
      errors: [
        { line: 21, messageId: 'dashboardPublic' },
        { line: 60, messageId: 'dashboardPublic' },
        { line: 79, messageId: 'dashboardExposed' },
        { line: 101, messageId: 'dashboardExposed' },
        { line: 125, messageId: 'dashboardPublic' },
      ],
    },
    {
      name: 'ray start --head on 0.0.0.0 behind a LoadBalancer; a NodePort Service on the KubeRay head labels of a Ray release without token auth',
      file: 'fail-ray-start-head.yaml',
      errors: [
        { line: 25, messageId: 'dashboardPublic' },
        { line: 70, messageId: 'dashboardExposed' },
      ],
    },
  ],
});
