// NetworkPolicy semantics against the cases of the Kubernetes documentation
// (kubernetes.io/docs/concepts/services-networking/network-policies/).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../source/source-file.js';
import { adaptKubernetes } from '../model/adapt/kubernetes.js';
import type { KubernetesModel, Workload } from '../model/kubernetes.js';
import { evaluateSources } from '../model/adapt/terraform/test-helpers.js';
import { networkPolicyEnforcement } from '../model/network-policy-enforcement.js';
import type { Endpoint, PortQuery, Tri } from './network-reach.js';
import { METADATA_ADDRESS, reach } from './network-reach.js';

function modelOf(...documents: string[]): KubernetesModel {
  return adaptKubernetes(loadYamlStream(new SourceFile('inline.yaml', documents.join('---\n')))).model;
}

function pod(name: string, namespace: string, labels: Record<string, string>, ports = '[{containerPort: 8080, name: http}]'): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${namespace}, labels: ${JSON.stringify(labels)}}
spec: {containers: [{name: c, image: "busybox:1.36", ports: ${ports}}]}
`;
}

function endpoint(model: KubernetesModel, name: string): Endpoint {
  const workload = model.workloads.find((candidate: Workload) => candidate.object.name === name);
  assert.ok(workload, `no pod ${name}`);
  return { kind: 'pod', workload };
}

const address = (value: string): Endpoint => ({ kind: 'address', address: value, label: value });

function verdict(model: KubernetesModel, from: Endpoint | string, to: Endpoint | string, port: PortQuery): Tri {
  const source = typeof from === 'string' ? endpoint(model, from) : from;
  const destination = typeof to === 'string' ? endpoint(model, to) : to;
  return reach(model, source, destination, port).allowed;
}

const FRONTEND = pod('frontend', 'default', { role: 'frontend' });
const DB = pod('db', 'default', { role: 'db' }, '[{containerPort: 6379, name: redis}]');
const OTHER = pod('other', 'default', { role: 'other' });

test('no NetworkPolicy: pods are not isolated, every connection is allowed', () => {
  const model = modelOf(FRONTEND, DB);
  assert.equal(verdict(model, 'frontend', 'db', { number: 6379 }), 'yes');
  assert.equal(reach(model, endpoint(model, 'frontend'), endpoint(model, 'db'), { number: 6379 }).ingress?.isolated, 'no');
});

test('default deny all ingress: podSelector {} with policyTypes [Ingress]', () => {
  const model = modelOf(FRONTEND, DB, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny-ingress, namespace: default}
spec: {podSelector: {}, policyTypes: [Ingress]}
`);
  assert.equal(verdict(model, 'frontend', 'db', { number: 6379 }), 'no');
  assert.equal(verdict(model, address('203.0.113.10'), 'db', { number: 6379 }), 'no');
  // Egress is not isolated by it.
  assert.equal(verdict(model, 'db', address(METADATA_ADDRESS), { number: 80 }), 'yes');
});

test('allow all ingress: one rule without peers or ports', () => {
  const model = modelOf(FRONTEND, DB, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-all-ingress, namespace: default}
spec:
  podSelector: {}
  ingress: [{}]
  policyTypes: [Ingress]
`);
  assert.equal(verdict(model, 'frontend', 'db', { number: 6379 }), 'yes');
  assert.equal(verdict(model, address('198.51.100.7'), 'db', { number: 1 }), 'yes');
});

test('default deny all egress, and allow all egress', () => {
  const deny = modelOf(FRONTEND, DB, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny-egress, namespace: default}
spec: {podSelector: {}, policyTypes: [Egress]}
`);
  assert.equal(verdict(deny, 'frontend', 'db', { number: 6379 }), 'no');
  assert.equal(verdict(deny, 'frontend', address(METADATA_ADDRESS), { number: 80 }), 'no');
  const allow = modelOf(FRONTEND, DB, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-all-egress, namespace: default}
spec:
  podSelector: {}
  egress: [{}]
  policyTypes: [Egress]
`);
  assert.equal(verdict(allow, 'frontend', address(METADATA_ADDRESS), { number: 80 }), 'yes');
});

// The documentation's test-network-policy.
const TEST_NETWORK_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: test-network-policy, namespace: default}
spec:
  podSelector:
    matchLabels: {role: db}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - ipBlock:
            cidr: 172.17.0.0/16
            except: [172.17.1.0/24]
        - namespaceSelector:
            matchLabels: {project: myproject}
        - podSelector:
            matchLabels: {role: frontend}
      ports:
        - {protocol: TCP, port: 6379}
  egress:
    - to:
        - ipBlock: {cidr: 10.0.0.0/24}
      ports:
        - {protocol: TCP, port: 5978}
`;
// The default namespace's labels are known when its Namespace object is scanned.
const DEFAULT_NAMESPACE = `apiVersion: v1
kind: Namespace
metadata: {name: default}
`;
const MYPROJECT = `apiVersion: v1
kind: Namespace
metadata: {name: myproject, labels: {project: myproject}}
`;

test("the documentation's test-network-policy: ipBlock with except, namespaceSelector, podSelector, ports, egress", () => {
  const model = modelOf(DEFAULT_NAMESPACE, FRONTEND, DB, OTHER, MYPROJECT, pod('tool', 'myproject', { app: 'tool' }), TEST_NETWORK_POLICY);
  assert.equal(verdict(model, 'frontend', 'db', { number: 6379 }), 'yes');
  assert.equal(verdict(model, 'frontend', 'db', { number: 6380 }), 'no', 'another port');
  assert.equal(verdict(model, 'frontend', 'db', { number: 6379, protocol: 'UDP' }), 'no', 'another protocol');
  // 172.17.0.0/16 is private: it may be the pod network, where ipBlock behaviour is the CNI's.
  assert.equal(verdict(model, 'other', 'db', { number: 6379 }), 'unknown', 'a pod the podSelector does not match, maybe in the ipBlock');
  assert.equal(verdict(model, 'tool', 'db', { number: 6379 }), 'yes', 'any pod of a namespace the namespaceSelector matches');
  assert.equal(verdict(model, address('172.17.0.5'), 'db', { number: 6379 }), 'yes');
  assert.equal(verdict(model, address('172.17.1.5'), 'db', { number: 6379 }), 'no', 'in except');
  assert.equal(verdict(model, address('203.0.113.10'), 'db', { number: 6379 }), 'no');
  assert.equal(verdict(model, 'db', address('10.0.0.7'), { number: 5978 }), 'yes');
  assert.equal(verdict(model, 'db', address('10.0.1.7'), { number: 5978 }), 'no');
  assert.equal(verdict(model, 'db', address('10.0.0.7'), { number: 80 }), 'no');
  assert.equal(verdict(model, 'db', 'frontend', { number: 8080 }), 'no', 'db is isolated for egress: pods are not in its ipBlock');
  const decided = reach(model, endpoint(model, 'frontend'), endpoint(model, 'db'), { number: 6379 });
  assert.equal(decided.ingress?.allowedBy?.policy.name, 'test-network-policy');
});

test('an ipBlock of public addresses never takes in pods; one of every address does', () => {
  const policy = (cidr: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: block, namespace: default}
spec:
  podSelector: {matchLabels: {role: db}}
  ingress: [{from: [{ipBlock: {cidr: "${cidr}"}}]}]
`;
  assert.equal(verdict(modelOf(FRONTEND, DB, policy('198.51.100.0/24')), 'frontend', 'db', { number: 6379 }), 'no');
  assert.equal(verdict(modelOf(FRONTEND, DB, policy('0.0.0.0/0')), 'frontend', 'db', { number: 6379 }), 'yes');
  assert.equal(verdict(modelOf(FRONTEND, DB, policy('10.0.0.0/16')), 'frontend', 'db', { number: 6379 }), 'unknown');
});

test('namespaceSelector and podSelector in one peer (AND) versus two peers (OR)', () => {
  const alice = `apiVersion: v1
kind: Namespace
metadata: {name: alice, labels: {user: alice}}
`;
  const target = pod('api', 'default', { app: 'api' });
  const inAliceClient = pod('alice-client', 'alice', { role: 'client' });
  const inAliceOther = pod('alice-other', 'alice', { role: 'other' });
  const clientHere = pod('client-here', 'default', { role: 'client' });
  const policy = (from: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: clients, namespace: default}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
    - from:
${from}
`;
  const and = modelOf(DEFAULT_NAMESPACE, alice, target, inAliceClient, inAliceOther, clientHere, policy(`        - namespaceSelector: {matchLabels: {user: alice}}
          podSelector: {matchLabels: {role: client}}`));
  assert.equal(verdict(and, 'alice-client', 'api', { number: 8080 }), 'yes');
  assert.equal(verdict(and, 'alice-other', 'api', { number: 8080 }), 'no');
  assert.equal(verdict(and, 'client-here', 'api', { number: 8080 }), 'no');
  const orModel = modelOf(DEFAULT_NAMESPACE, alice, target, inAliceClient, inAliceOther, clientHere, policy(`        - namespaceSelector: {matchLabels: {user: alice}}
        - podSelector: {matchLabels: {role: client}}`));
  assert.equal(verdict(orModel, 'alice-other', 'api', { number: 8080 }), 'yes', 'any pod of alice');
  assert.equal(verdict(orModel, 'client-here', 'api', { number: 8080 }), 'yes', 'a client pod of the policy namespace');
});

test('named ports resolve against the destination pod; endPort makes a range', () => {
  const named = modelOf(FRONTEND, pod('server', 'default', { app: 'server' }, '[{containerPort: 8080, name: http}, {containerPort: 9090, name: metrics}]'), `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: http-only, namespace: default}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
    - ports: [{port: http}]
`);
  assert.equal(verdict(named, 'frontend', 'server', { number: 8080 }), 'yes');
  assert.equal(verdict(named, 'frontend', 'server', { name: 'http' }), 'yes');
  assert.equal(verdict(named, 'frontend', 'server', { number: 9090 }), 'no');
  const range = modelOf(FRONTEND, pod('server', 'default', { app: 'server' }), `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: range, namespace: default}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
    - ports: [{protocol: TCP, port: 32000, endPort: 32768}]
`);
  assert.equal(verdict(range, 'frontend', 'server', { number: 32500 }), 'yes');
  assert.equal(verdict(range, 'frontend', 'server', { number: 32769 }), 'no');
});

test('policies add up: an isolating policy and an allowing one select the same pod', () => {
  const model = modelOf(FRONTEND, DB, OTHER, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: default}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: frontend-to-db, namespace: default}
spec:
  podSelector: {matchLabels: {role: db}}
  ingress: [{from: [{podSelector: {matchLabels: {role: frontend}}}]}]
`);
  assert.equal(verdict(model, 'frontend', 'db', { number: 6379 }), 'yes');
  assert.equal(verdict(model, 'other', 'db', { number: 6379 }), 'no');
  assert.equal(verdict(model, 'db', 'frontend', { number: 8080 }), 'no', 'the deny policy isolates every pod');
});

test('policyTypes defaults: Ingress always, Egress when egress rules are written', () => {
  const model = modelOf(FRONTEND, DB, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress-written, namespace: default}
spec:
  podSelector: {matchLabels: {role: frontend}}
  egress: [{to: [{podSelector: {matchLabels: {role: db}}}]}]
`);
  assert.equal(verdict(model, 'frontend', 'db', { number: 6379 }), 'yes');
  assert.equal(verdict(model, 'frontend', address(METADATA_ADDRESS), { number: 80 }), 'no', 'egress is isolated');
  assert.equal(verdict(model, 'db', 'frontend', { number: 8080 }), 'no', 'ingress is isolated too, with no ingress rule');
});

test('policies of another namespace do not apply; a namespace the scan does not hold is known only by its name label', () => {
  const model = modelOf(FRONTEND, pod('api', 'team-a', { app: 'api' }), pod('caller', 'team-b', { app: 'caller' }), `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: default}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-team-b, namespace: team-a}
spec:
  podSelector: {}
  ingress:
    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: team-b}}}]
    - from: [{namespaceSelector: {matchLabels: {tier: trusted}}}]
`);
  assert.equal(verdict(model, 'caller', 'api', { number: 8080 }), 'yes', 'the name label is always known');
  assert.equal(verdict(model, 'frontend', 'api', { number: 8080 }), 'unknown', "default's other labels are not in the scan");
});

test('values a template leaves open make the answer unknown, never a guess', () => {
  const model = modelOf(FRONTEND, DB, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: templated, namespace: default}
spec:
  podSelector: {matchLabels: {role: db}}
  ingress: [{from: [{podSelector: {matchLabels: {role: frontend}}}], ports: [{port: http}]}]
`);
  // The destination names no port `http`: that rule opens nothing on 6379.
  assert.equal(verdict(model, 'frontend', 'db', { number: 6379 }), 'no');
});

test('a cluster that does not enforce NetworkPolicies lets through what they block; one whose enforcement is unknown may', () => {
  const model = modelOf(FRONTEND, DB, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: default}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
`);
  const cluster = (body: string) => networkPolicyEnforcement(evaluateSources({ 'main.tf': `resource "google_container_cluster" "serving" {\n  name = "serving"\n${body}}\n` }).model);
  const legacy = cluster('');
  const dataplaneV2 = cluster('  datapath_provider = "ADVANCED_DATAPATH"\n');
  const undecided = cluster('  datapath_provider = var.datapath\n');
  const frontendToDb = (enforcement: ReturnType<typeof cluster>) => reach(model, endpoint(model, 'frontend'), endpoint(model, 'db'), { number: 6379 }, { enforcement });
  assert.equal(frontendToDb(dataplaneV2).allowed, 'no');
  assert.equal(frontendToDb(dataplaneV2).enforcement, undefined);
  const ignored = frontendToDb(legacy);
  assert.equal(ignored.allowed, 'yes');
  assert.equal(ignored.byPolicies, 'no', 'the policies would block it');
  assert.equal(ignored.enforcement?.clusters[0]?.reason, 'gke-legacy-datapath');
  assert.equal(frontendToDb(undecided).allowed, 'unknown');
  assert.equal(reach(model, endpoint(model, 'db'), address(METADATA_ADDRESS), { number: 80 }, { enforcement: legacy }).allowed, 'yes', 'egress to the metadata endpoint too');
  // What the policies allow stays allowed whatever the cluster does.
  const open = modelOf(FRONTEND, DB);
  assert.equal(reach(open, endpoint(open, 'frontend'), endpoint(open, 'db'), { number: 6379 }, { enforcement: undecided }).allowed, 'yes');
});
