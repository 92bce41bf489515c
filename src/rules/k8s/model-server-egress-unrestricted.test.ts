import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { modelServerEgressUnrestricted } from './model-server-egress-unrestricted.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/model-server-egress-unrestricted';

ruleTester(modelServerEgressUnrestricted, {
  fixtures: FIXTURES,
  valid: [
    {
      name: 'metadata carved out (IPv4 and IPv6, the /16), HTTPS-only internet, default deny, runtimes, unreadable CIDRs, a namespace without policies in the files, no namespace, patches, hostNetwork, non-servers',
      file: 'pass-egress.yaml',
    },
    {
      name: 'a namespace written as a placeholder is unknown',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: ollama, namespace: "{{ .Release.Namespace }}"}\nspec:\n  containers: [{name: ollama, image: ollama/ollama:0.12.6}]\n',
    },
  ],
  invalid: [
    {
      name: 'a policy for other pods only, an ingress-only policy, 0.0.0.0/0 on port 80, `- {}` without policyTypes on an InferenceService, ::/0 open, a RayCluster head no policy selects',
      file: 'fail-egress.yaml',
      errors: [
        { line: 27, messageId: 'noEgressPolicy', severity: 'medium' },
        { line: 54, messageId: 'noEgressPolicy', severity: 'medium' },
        { line: 102, messageId: 'metadataReachable', severity: 'medium' },
        { line: 125, messageId: 'metadataReachable', severity: 'medium' },
        { line: 160, messageId: 'metadataReachableIpv6', severity: 'low' },
        { line: 194, messageId: 'noEgressPolicy', severity: 'medium' },
      ],
    },
  ],
});

test('the message names the namespace, the policy and the peer that lets the metadata address through', () => {
  const path = `${FIXTURES}/fail-egress.yaml`;
  const messages = findingsOf(modelServerEgressUnrestricted, new SourceFile(path, readFileSync(path, 'utf8'))).map((finding) => finding.message);
  assert.ok(messages.includes("Deployment 'ollama' runs Ollama (container 'ollama') in namespace 'ollama', and NetworkPolicy 'ollama-egress' allows egress to `0.0.0.0/0` (except `10.0.0.0/8`), which includes the cloud metadata endpoint 169.254.169.254: a compromised model server can take the node's cloud credentials."), messages.join('\n'));
  assert.ok(messages.some((message) => message.includes("NetworkPolicy 'sklearn-iris-allow-all-egress' allows egress to every destination (a rule without `to`)")), messages.join('\n'));
});
