import { posix } from 'node:path';
import { describeContainers, hostPathLocation } from '../../model/containers.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';
import { severityForPod } from '../severity.js';

/** Node paths whose mount is critical: the path itself, anything under it, and any directory holding it. */
const SENSITIVE_PATHS: ReadonlyArray<readonly [string, string]> = [
  // Most specific first: the first directory that holds the path names the risk.
  ['/etc/kubernetes/secrets-store-csi-providers', 'the Secrets Store CSI provider sockets, through which the Secrets mounted into pods pass'],
  ['/etc/kubernetes', "the kubelet's and control plane's configuration and credentials"],
  ['/etc/cni', 'the CNI configuration, which chooses the plugins the runtime runs as root for every pod'],
  ['/etc', 'node configuration and kubelet / control-plane credentials'],
  ['/proc', 'host kernel and process interfaces'],
  ['/sys', 'host kernel interfaces (cgroups, devices)'],
  ['/root', "root's home on the node (SSH keys, cloud credentials)"],
  ['/var/lib/kubelet', "the kubelet's state, with the Secrets and tokens of every pod on the node"],
  ['/var/run/docker.sock', 'the Docker socket, which is root on the node'],
  ['/run/docker.sock', 'the Docker socket, which is root on the node'],
  ['/var/run/cri-dockerd.sock', 'the cri-dockerd socket, which is root on the node'],
  ['/var/run/containerd', 'the containerd socket, which is root on the node'],
  ['/run/containerd', 'the containerd socket, which is root on the node'],
  ['/var/run/crio', 'the CRI-O socket, which is root on the node'],
  ['/run/crio', 'the CRI-O socket, which is root on the node'],
];

/**
 * Paths under a critical directory that node agents routinely mount and that hold no credentials (time zone,
 * CA bundle, the device-plugin and CSI registration sockets every GPU node has): still a hostPath, not a critical one.
 */
const ROUTINE_PATHS = [
  '/etc/localtime',
  '/etc/os-release',
  // Feature files GPU feature discovery writes for NFD to turn into node labels (not the `source.d` hooks).
  '/etc/kubernetes/node-feature-discovery/features.d',
  '/etc/timezone',
  '/etc/ssl/certs',
  '/etc/pki/tls/certs',
  '/etc/ca-certificates',
  '/var/lib/kubelet/device-plugins',
  '/var/lib/kubelet/pod-resources',
  '/var/lib/kubelet/plugins_registry',
  '/var/lib/kubelet/plugins',
];

function isWithin(path: string, directory: string): boolean {
  return path === directory || path.startsWith(`${directory}/`);
}

/** Why mounting this node path is critical, or undefined when it is an ordinary hostPath. */
export function sensitiveHostPath(rawPath: string): string | undefined {
  // `//etc/`, `/etc/../etc` and `/etc` are the same directory on the node.
  const path = posix.normalize(rawPath).replace(/(.)\/+$/, '$1');
  if (path === '/') return "the node's whole filesystem";
  if (!path.startsWith('/') || ROUTINE_PATHS.some((routine) => isWithin(path, routine))) return undefined;
  for (const [sensitive, reason] of SENSITIVE_PATHS) {
    // Below the directory the pod reaches only part of it: say which directory, not that it holds everything.
    if (path === sensitive) return reason;
    if (isWithin(path, sensitive)) return `part of ${sensitive}, ${reason}`;
  }
  const contained = SENSITIVE_PATHS.find(([sensitive]) => isWithin(sensitive, path));
  return contained && `it contains ${contained[0]}, ${contained[1]}`;
}

export const hostPathMounted = defineRule({
  meta: {
    id: 'IG-K8S-109',
    name: 'host-path-mounted',
    title: 'hostPath volume',
    severity: 'high',
    rationale:
      'A hostPath volume hands the pod a directory of the node, outside any quota or access control of the cluster. Model servers mount one to share a weights cache between pods, but whoever runs code in the server (a malicious model file, a server bug) can then read or replace the models of every other pod using that cache, and write to the node. Critical paths give the node itself: `/`, `/etc`, `/proc`, `/sys`, `/root`, `/var/lib/kubelet` and the container runtime sockets.',
    remediation:
      'Use a PersistentVolumeClaim, a CSI volume (object storage through a CSI driver, a local-volume provisioner for NVMe caches) or an `emptyDir` instead. If a node cache is unavoidable, mount a dedicated directory read-only and never a runtime socket or a system directory.',
    references: [
      'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['E', 'T'], cis: ['5.2.12'], nist: ['AC-6'] },
    targets: ['k8s:Workload', 'PersistentVolume'],
    fix: 'none',
    messages: {
      hostPath: "Volume '{{volume}}' mounts the node directory '{{path}}': the pod reaches the node's files there, outside any cluster access control.",
      sensitiveHostPath: "Volume '{{volume}}' mounts '{{path}}' from the node: {{reason}}.",
      persistentVolume: "PersistentVolume '{{volume}}' is the node directory '{{path}}': a pod whose claim binds to it reaches the node's files there, outside any cluster access control.",
      sensitivePersistentVolume: "PersistentVolume '{{volume}}' is '{{path}}' of the node: a pod whose claim binds to it gets {{reason}}.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.6.3
      volumeMounts: [{ name: cache, mountPath: /root/.cache/huggingface }]
  volumes:
    - name: cache
      hostPath: { path: /mnt/hf-cache, type: DirectoryOrCreate }
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.6.3
      volumeMounts: [{ name: cache, mountPath: /root/.cache/huggingface }]
  volumes:
    - name: cache
      persistentVolumeClaim: { claimName: hf-cache }
`,
    },
  },
  create(context) {
    return {
      // A hostPath PersistentVolume hands the directory to whichever pod's claim binds to it.
      object(object) {
        if (object.kind !== 'PersistentVolume' || object.group !== '') return;
        const hostPath = object.root.get('spec', 'hostPath');
        if (!hostPath.isMap()) return;
        const name = object.name ?? '(unnamed)';
        const path = hostPath.get('path').str();
        const reason = path === undefined ? undefined : sensitiveHostPath(path);
        const claims = context.model.objects.filter((claim) => claim.kind === 'PersistentVolumeClaim' && claim.group === '' && claim.root.get('spec', 'volumeName').str() === name);
        context.report({
          messageId: reason ? 'sensitivePersistentVolume' : 'persistentVolume',
          data: { volume: name, path: path ?? '?', reason: reason ?? '' },
          at: hostPathLocation(hostPath),
          severity: reason ? 'critical' : 'medium',
          related: claims.map((claim) => ({ at: claim.root.get('spec', 'volumeName'), message: `PersistentVolumeClaim '${claim.name ?? '(unnamed)'}' binds to it` })),
        });
      },
      workload(workload) {
        for (const volume of workload.podSpec.get('volumes').items()) {
          const hostPath = volume.get('hostPath');
          if (!hostPath.isMap()) continue;
          const name = volume.get('name').str() ?? '(unnamed)';
          const path = hostPath.get('path').str();
          const reason = path === undefined ? undefined : sensitiveHostPath(path);
          const mounts = workload.containers.flatMap((container) =>
            container.node
              .get('volumeMounts')
              .items()
              .filter((mount) => mount.get('name').str() === name)
              .map((mount) => ({ container, mount })),
          );
          const related: RelatedHop[] = mounts.map(({ container, mount }) => ({
            at: mount,
            message: `${describeContainers([container])} mounts it at ${mount.get('mountPath').str() ?? '?'}`,
          }));
          context.report({
            messageId: reason ? 'sensitiveHostPath' : 'hostPath',
            data: { volume: name, path: path ?? '?', reason: reason ?? '' },
            at: hostPathLocation(hostPath),
            severity: reason ? 'critical' : severityForPod(hostPathMounted.meta.severity, mounts.map(({ container }) => container)),
            related,
          });
        }
      },
    };
  },
});
