import { ruleTester } from '../../testing/rule-tester.js';
import { seldonEndpointExposedWithoutAuth } from './seldon-endpoint-exposed-without-auth.js';

ruleTester(seldonEndpointExposedWithoutAuth, {
  fixtures: 'src/rules/ml/__fixtures__/seldon-endpoint-exposed-without-auth',
  valid: [
    {
      name: 'a namespace-wide JWT policy, no gateway annotation, a policy on the ingress gateway, a policy on operator labels, MLServer behind ClusterIP or a JWT-guarded route, a KServe runtime',
      file: 'pass-authenticated-or-private.yaml',
    },
  ],
  invalid: [
    {
      name: 'SeldonDeployments on an Istio gateway (metadata and spec annotations), MLServer behind a LoadBalancer, a Seldon model container behind a NodePort',
      file: 'fail-published.yaml',
      errors: [
        { line: 8, messageId: 'istioGateway', severity: 'high' },
        { line: 29, messageId: 'istioGateway', severity: 'high' },
        { line: 63, messageId: 'portExposed', severity: 'high' },
        { line: 99, messageId: 'portExposed', severity: 'high' },
      ],
    },
  ],
});
