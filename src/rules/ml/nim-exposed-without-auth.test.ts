import { ruleTester } from '../../testing/rule-tester.js';
import { nimExposedWithoutAuth } from './nim-exposed-without-auth.js';

ruleTester(nimExposedWithoutAuth, {
  fixtures: 'src/rules/ml/__fixtures__/nim-exposed-without-auth',
  valid: [
    {
      name: 'ClusterIP only, an auth-url Ingress, an Istio JWT policy on the pods or the namespace, NIMService defaults, an auth-url router annotation, a SecurityPolicy on the Gateway, a router without routes',
      file: 'pass-private-or-authenticated.yaml',
    },
    { name: 'a router whose HTTP routes are switched by a value known only at apply', file: 'pass-routes-unknown.tf' },
  ],
  invalid: [
    {
      name: 'a public LoadBalancer (critical) and a NodePort (high) in front of NIM pods; NIMServices with an internal load balancer, a public router Ingress, a route on an unscanned Gateway, a NodePort and an internal Ingress',
      file: 'fail-exposed.yaml',
      errors: [
        { line: 47, messageId: 'exposedToInternet', severity: 'critical' },
        { line: 66, messageId: 'exposed', severity: 'high' },
        { line: 86, messageId: 'nimServiceExposed', severity: 'high' },
        { line: 104, messageId: 'nimServiceExposedToInternet', severity: 'critical' },
        { line: 117, messageId: 'nimServiceExposedToInternet', severity: 'critical' },
        { line: 129, messageId: 'nimServiceExposed', severity: 'high' },
      ],
    },
  ],
});
