import { ruleTester } from '../../testing/rule-tester.js';
import { internetReachableControlPlane } from './internet-reachable-control-plane.js';

ruleTester(internetReachableControlPlane, {
  fixtures: 'src/rules/graph/__fixtures__/internet-reachable-control-plane',
  valid: [
    {
      name: 'only inference ports or paths reach the internet; model control off; an internal load balancer; an authenticating Ingress',
      file: 'pass-control-planes.yaml',
    },
  ],
  invalid: [
    {
      name: 'TorchServe management on a public load balancer; Triton model control behind an Ingress sending every path; Ollama on a public load balancer',
      file: 'fail-control-planes.yaml',
      errors: [
        { line: 27, messageId: 'reaches', severity: 'critical' },
        { line: 65, messageId: 'reaches', severity: 'critical' },
        { line: 87, messageId: 'reaches', severity: 'critical' },
      ],
    },
    {
      name: 'two public load balancers in one file, each an entry to the same management port',
      file: 'fail-two-entries.yaml',
      errors: [
        { line: 26, messageId: 'reaches', severity: 'critical' },
        { line: 35, messageId: 'reaches', severity: 'critical' },
      ],
    },
  ],
});
