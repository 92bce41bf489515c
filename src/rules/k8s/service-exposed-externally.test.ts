import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { serviceExposedExternally } from './service-exposed-externally.js';

const service = (annotations: string, spec: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: serving\n  annotations: {${annotations}}\nspec:\n${spec}`;

ruleTester(serviceExposedExternally, {
  fixtures: 'src/rules/k8s/__fixtures__/service-exposed-externally',
  valid: [
    { name: 'internal load balancers of every provider, source ranges, ClusterIP, ExternalName, template values', file: 'pass-internal.yaml' },
    {
      name: 'the AWS Load Balancer Controller makes an internal NLB unless told otherwise',
      code: service('service.beta.kubernetes.io/aws-load-balancer-type: external', '  type: LoadBalancer\n  ports: [{port: 80}]\n'),
    },
    {
      name: 'an internal annotation written as a YAML boolean is not known to be public',
      code: service('service.beta.kubernetes.io/azure-load-balancer-internal: true', '  type: LoadBalancer\n  ports: [{port: 80}]\n'),
    },
    { name: 'a source range that is not a string is unknown', code: service('', '  type: LoadBalancer\n  loadBalancerSourceRanges: [10]\n') },
    { name: 'a type given in another case is not a type Kubernetes knows', code: service('', '  type: loadbalancer\n') },
  ],
  invalid: [
    {
      name: 'open LoadBalancers: no ranges, 0.0.0.0/0 in the field, ::/0 in the annotation; raised when they select Triton',
      file: 'fail-loadbalancer.yaml',
      errors: [
        { line: 34, messageId: 'loadBalancerOpen', severity: 'high' },
        { line: 50, messageId: 'loadBalancerOpenRange', severity: 'medium' },
        { line: 62, messageId: 'loadBalancerOpenRange', severity: 'high' },
      ],
    },
    {
      name: 'NodePort and externalIPs inside a List; the same labels in another namespace select nothing',
      file: 'fail-nodeport-list.yaml',
      errors: [
        { line: 29, messageId: 'nodePort', severity: 'high' },
        { line: 41, messageId: 'externalIps', severity: 'medium' },
        { line: 52, messageId: 'nodePort', severity: 'medium' },
        { line: 53, messageId: 'externalIps', severity: 'medium' },
      ],
    },
    {
      name: 'a LoadBalancer in front of a TPU server is raised like one in front of GPUs',
      file: 'fail-tpu-loadbalancer.yaml',
      errors: [{ line: 44, messageId: 'loadBalancerOpen', severity: 'high' }],
    },
    {
      name: 'an internal annotation set to "false" keeps the load balancer public',
      code: service('service.beta.kubernetes.io/azure-load-balancer-internal: "false"', '  type: LoadBalancer\n  ports: [{port: 80}]\n'),
      errors: [{ line: 8, messageId: 'loadBalancerOpen' }],
    },
    {
      name: 'an empty source-range list is no restriction',
      code: service('', '  type: LoadBalancer\n  loadBalancerSourceRanges: []\n'),
      errors: [{ line: 8, messageId: 'loadBalancerOpen' }],
    },
  ],
});

test('the path names the accelerator the selected pods request', () => {
  const path = 'src/rules/k8s/__fixtures__/service-exposed-externally/fail-tpu-loadbalancer.yaml';
  const [finding] = findingsOf(serviceExposedExternally, new SourceFile(path, readFileSync(path, 'utf8')));
  assert.deepEqual(
    finding?.related.map((hop) => hop.message),
    ["selects Deployment 'maxengine-server', whose container 'maxengine-server' requests `google.com/tpu`"],
  );
});
