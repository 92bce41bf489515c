// `inferguard threats`: a STRIDE threat model per model endpoint. Each threat names the MITRE ATLAS
// techniques it stands for, the mitigations looked for (present with the place that shows it, or missing
// with the place where it should be), and the findings of the scan that open it. A finding belongs to a
// threat by its rule's STRIDE letters and ATLAS techniques.
import type { Finding } from '../findings/finding.js';
import { severityRank } from '../findings/finding.js';
import { compareFindings } from '../findings/most-specific.js';
import type { ServingGraph } from '../graph/serving-graph.js';
import type { KubernetesModel } from '../model/kubernetes.js';
import type { Subject } from '../model/subject.js';
import type { TerraformModel } from '../model/terraform.js';
import type { ControlId, ControlResult } from './controls.js';
import { evaluateControl } from './controls.js';
import type { ServingEndpoint } from './endpoints.js';
import { servingEndpoints } from './endpoints.js';

export type StrideLetter = 'S' | 'T' | 'R' | 'I' | 'D' | 'E';

export const STRIDE_NAMES: Readonly<Record<StrideLetter, string>> = {
  S: 'Spoofing',
  T: 'Tampering',
  R: 'Repudiation',
  I: 'Information disclosure',
  D: 'Denial of service',
  E: 'Elevation of privilege',
};

export interface ThreatSpec {
  readonly id: string;
  readonly stride: StrideLetter;
  readonly title: string;
  readonly description: string;
  /** MITRE ATLAS technique ids; a finding whose rule names one of them belongs here rather than to the letter's first threat. */
  readonly atlas: readonly string[];
  /** The mitigations looked for, in order; those that do not apply to an endpoint's platform are left out. */
  readonly controls: readonly ControlId[];
}

/** The threats every model endpoint faces, by STRIDE letter; the first of a letter takes the findings no other claims. */
export const THREATS: readonly ThreatSpec[] = [
  {
    id: 'S1',
    stride: 'S',
    title: 'Unauthenticated callers use the model',
    description: 'Anyone who reaches the endpoint runs inference (cost, data in the predictions, model extraction) or calls its control API, because nothing checks who the caller is.',
    atlas: ['AML.T0040', 'AML.T0049'],
    controls: ['authenticated-entry', 'iam-signed-invocation', 'azure-endpoint-auth', 'mesh-mtls', 'private-endpoint'],
  },
  {
    id: 'T1',
    stride: 'T',
    title: 'The served model is replaced or poisoned',
    description: 'Whoever can write the model\'s artifacts, its registry entry or its repository through the server decides what every replica loads next.',
    atlas: ['AML.T0018', 'AML.T0018.000', 'AML.T0018.002', 'AML.T0010', 'AML.T0010.003', 'AML.T0076', 'AML.T0058'],
    controls: ['identity-cannot-write-model'],
  },
  {
    id: 'T2',
    stride: 'T',
    title: 'The serving code or its runtime is changed',
    description: 'A movable image tag, a writable root filesystem or a control API that loads code lets an attacker change what the server runs.',
    atlas: ['AML.T0050', 'AML.T0011', 'AML.T0010.001', 'AML.T0010.004'],
    controls: ['image-pinned', 'read-only-root', 'sagemaker-network-isolation'],
  },
  {
    id: 'R1',
    stride: 'R',
    title: 'Inference activity cannot be traced',
    description: 'Without a record of requests and responses, abuse (extraction, prompt injection, data theft) cannot be told apart from use, nor attributed.',
    atlas: ['AML.T0057', 'AML.T0036'],
    controls: ['request-logging'],
  },
  {
    id: 'I1',
    stride: 'I',
    title: 'Model weights, prompts or captured data disclosed',
    description: 'The model\'s artifacts and the data it sees are readable by other tenants, over plaintext, or from a less protected copy.',
    atlas: ['AML.T0035', 'AML.T0048.004', 'AML.T0024', 'AML.T0025', 'AML.T0036', 'AML.T0057', 'AML.T0037'],
    controls: ['others-cannot-read-model', 'tls-at-entry', 'sagemaker-kms', 'endpoint-cmek', 'sagemaker-vpc'],
  },
  {
    id: 'I2',
    stride: 'I',
    title: 'Cloud or cluster credentials taken from the serving pod',
    description: 'Server-side request forgery or code execution in the server reaches the cloud metadata endpoint or the pod\'s API token.',
    atlas: ['AML.T0055', 'AML.T0106'],
    controls: ['metadata-blocked', 'token-not-mounted', 'sagemaker-network-isolation'],
  },
  {
    id: 'D1',
    stride: 'D',
    title: 'The model service is exhausted or its cost run up',
    description: 'Unlimited requests or unbounded pods take the GPUs, starve other users or run up the bill.',
    atlas: ['AML.T0029', 'AML.T0034'],
    controls: ['rate-limit', 'resource-limits'],
  },
  {
    id: 'E1',
    stride: 'E',
    title: 'Code execution in the server spreads to the cluster or the cloud',
    description: 'From a compromised server: other pods, the node, the Kubernetes API, the cloud account.',
    atlas: ['AML.T0012', 'AML.T0049', 'AML.T0050'],
    controls: ['non-root', 'network-isolation', 'rbac-minimal'],
  },
];

/** open: a finding of the scan enables it; gaps: no finding, but a mitigation is missing; mitigated: every mitigation looked for is present; unverified: nothing is missing, but the files do not show every mitigation. */
export type ThreatStatus = 'open' | 'gaps' | 'mitigated' | 'unverified';

export interface EndpointThreat {
  readonly threat: ThreatSpec;
  readonly status: ThreatStatus;
  readonly controls: readonly ControlResult[];
  readonly findings: readonly Finding[];
}

export interface EndpointThreatModel {
  readonly endpoint: ServingEndpoint;
  readonly threats: readonly EndpointThreat[];
}

export interface ThreatModelInput {
  readonly model: KubernetesModel;
  readonly terraform: TerraformModel;
  readonly graph: ServingGraph;
  /** The scan's findings, suppressed ones included (they are left out here). */
  readonly findings: readonly Finding[];
  readonly subjectOf: (finding: Finding) => Subject | undefined;
}

export function buildThreatModel(input: ThreatModelInput): EndpointThreatModel[] {
  const findings = input.findings.filter((finding) => !finding.suppression && finding.ruleId !== 'IG-ENGINE-001' && !finding.ruleId.startsWith('IG-PARSE-'));
  // Findings by what they are about, once: a large scan has thousands of both.
  const bySubject = new Map<Subject, Finding[]>();
  for (const finding of findings) {
    const subject = input.subjectOf(finding);
    if (subject === undefined) continue;
    const list = bySubject.get(subject);
    if (list) list.push(finding);
    else bySubject.set(subject, [finding]);
  }
  return servingEndpoints(input.model, input.terraform, input.graph).map((endpoint) => {
    const own = [...endpoint.subjects].flatMap((subject) => bySubject.get(subject) ?? []);
    const context = { model: input.model, terraform: input.terraform, graph: input.graph, findings: own };
    const threats = THREATS.map((threat) => {
      const controls = threat.controls.flatMap((id) => evaluateControl(id, endpoint, context) ?? []);
      const opened = own.filter((finding) => threatsOf(finding).includes(threat)).sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || compareFindings(a, b));
      return { threat, status: statusOf(controls, opened), controls, findings: opened };
    });
    return { endpoint, threats };
  });
}

/** A finding's threats: for each of its rule's STRIDE letters, the threats of that letter sharing an ATLAS technique, else the letter's first. */
export function threatsOf(finding: Finding): ThreatSpec[] {
  const out: ThreatSpec[] = [];
  const techniques = new Set(finding.mappings.atlas ?? []);
  for (const letter of finding.mappings.stride ?? []) {
    const ofLetter = THREATS.filter((threat) => threat.stride === letter);
    const matching = ofLetter.filter((threat) => threat.atlas.some((technique) => techniques.has(technique)));
    for (const threat of matching.length > 0 ? matching : ofLetter.slice(0, 1)) if (!out.includes(threat)) out.push(threat);
  }
  return out;
}

function statusOf(controls: readonly ControlResult[], findings: readonly Finding[]): ThreatStatus {
  if (findings.length > 0) return 'open';
  if (controls.some((control) => control.state === 'missing')) return 'gaps';
  if (controls.length > 0 && controls.every((control) => control.state === 'present' || control.state === 'not-applicable')) return 'mitigated';
  return 'unverified';
}
