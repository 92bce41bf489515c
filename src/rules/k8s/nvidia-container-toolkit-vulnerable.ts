import type { Severity } from '../../findings/finding.js';
import { severityRank } from '../../findings/finding.js';
import { formatVersion, parseImage, versionOfTag } from '../../model/ml/images.js';
import { floorsBelow } from '../../model/ml/version-floors.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';
import type { RuleContext } from '../define-rule.js';

const RULE = 'IG-K8S-005';
const COMPONENT = 'nvidia-container-toolkit';
const TOOLKIT_IMAGE = /(^|\/)nvidia\/(.+\/)?container-toolkit$/;

export const nvidiaContainerToolkitVulnerable = defineRule({
  meta: {
    id: RULE,
    name: 'nvidia-container-toolkit-vulnerable',
    title: 'Vulnerable NVIDIA Container Toolkit / GPU Operator version',
    severity: 'critical',
    rationale:
      'The NVIDIA Container Toolkit runs as root on every GPU node and prepares each GPU container before it starts. Versions before 1.16.2 let a crafted image escape to the host through a time-of-check / time-of-use race (CVE-2024-0132); versions before 1.17.8 run the `createContainer` hook with environment the image controls, so an image that sets `LD_PRELOAD` runs code as root on the host (CVE-2025-23266, "NVIDIAScape"). On a model-serving cluster that means anyone who can get an image onto a GPU node (a model author, a compromised CI, a pull from a public registry) owns the node and every model on it. The floors live in `data/version-floors.json`.',
    remediation:
      'Upgrade the toolkit to the fixed version or later: GPU Operator `toolkit.version` (or a GPU Operator release that ships it), or the toolkit DaemonSet image `nvcr.io/nvidia/k8s/container-toolkit`. Until then, allow only reviewed images on GPU nodes (admission policy on registries / digests).',
    references: [
      'https://nvidia.custhelp.com/app/answers/detail/a_id/5659',
      'https://nvidia.custhelp.com/app/answers/detail/a_id/5582',
      'https://github.com/NVIDIA/gpu-operator/pull/1466',
    ],
    mappings: { stride: ['E'], atlas: ['AML.T0105'], nist: ['SI-2', 'RA-5'] },
    targets: ['k8s:Workload', 'k8s:ClusterPolicy'],
    fix: 'none',
    messages: {
      vulnerableToolkit: '{{where}} runs NVIDIA Container Toolkit {{version}}, below {{floor}} ({{advisories}}): a crafted image escapes to the host of every GPU node.',
    },
    examples: {
      bad: `apiVersion: nvidia.com/v1
kind: ClusterPolicy
metadata: { name: cluster-policy }
spec:
  toolkit:
    enabled: true
    version: v1.17.4-ubuntu20.04
`,
      good: `apiVersion: nvidia.com/v1
kind: ClusterPolicy
metadata: { name: cluster-policy }
spec:
  toolkit:
    enabled: true
    version: v1.17.8-ubuntu20.04
`,
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.group !== 'nvidia.com' || object.kind !== 'ClusterPolicy') return;
        const toolkit = object.root.get('spec', 'toolkit');
        const image = toolkit.get('image').str();
        // A custom image name is not the NVIDIA toolkit this floor is about.
        if (toolkit.get('enabled').isFalse() || (image !== undefined && !/(^|\/)container-toolkit$/.test(image))) return;
        reportIfBelow(context, `ClusterPolicy '${object.name ?? '(unnamed)'}'`, toolkit.get('version'), toolkit.get('version').str());
      },
      container(container) {
        const node = container.node.get('image');
        const parsed = parseImage(node.str() ?? '');
        if (!TOOLKIT_IMAGE.test(parsed.repository)) return;
        reportIfBelow(context, `Container '${container.name}'`, node, parsed.tag);
      },
    };
  },
});

function reportIfBelow(context: RuleContext, where: string, at: Node, tag: string | undefined): void {
  const version = versionOfTag(tag);
  if (!version) return;
  const floors = floorsBelow(RULE, COMPONENT, version);
  const highest = floors[floors.length - 1];
  if (!highest) return;
  const severity = floors.reduce<Severity>((best, floor) => (severityRank(floor.severity) > severityRank(best) ? floor.severity : best), 'info');
  context.report({
    messageId: 'vulnerableToolkit',
    data: { where, version: formatVersion(version), floor: highest.belowText, advisories: [...new Set(floors.flatMap((floor) => floor.advisories))].join(', ') },
    at,
    severity,
  });
}
