/**
 * The KICS queries that an inferguard rule really covers (issue #5, "Parity with a peer"), reviewed by hand
 * against each rule's metadata and docs. `kics-parity.test.ts` scans each query's fixtures from
 * `../shared/peer-suites/kics/` with the mapped rules; `docs/kics-parity.md` is the same table for readers.
 *
 * `explained` lists the fixture files where we disagree with KICS on purpose (a scope difference, or KICS is
 * wrong), with the reason and the lines our rules report there today; they are left out of the asserted
 * agreement rates, and the test fails when those lines move (re-review the file then).
 */

export type KicsPlatform = 'k8s' | 'terraform/kubernetes' | 'terraform/aws' | 'terraform/gcp' | 'terraform/azure';

export interface ExplainedFile {
  /** Distinct lines our mapped rules report in this file today. */
  readonly ours: readonly number[];
  /** Why we disagree and who is right. */
  readonly reason: string;
  /** KICS lines the reason shows to be wrong (left out when checking that a location difference is only that). */
  readonly kicsWrong?: readonly number[];
}

export interface KicsMapping {
  readonly platform: KicsPlatform;
  /** The query's folder under assets/queries/<platform>/. */
  readonly query: string;
  /** KICS queryName. */
  readonly name: string;
  /** inferguard rule ids that cover it. */
  readonly rules: readonly string[];
  /** How our rule's scope differs from the query's, when it does. */
  readonly scope?: string;
  /** Our bug this comparison found, now fixed (shown in the verdict). */
  readonly fixed?: string;
  /** Fixture files (positive*, negative*) whose disagreement is explained, by file name. */
  readonly explained?: Readonly<Record<string, ExplainedFile>>;
}

/**
 * KICS's twelve "<principal> With Privilege Escalation By Actions 'iam:PassRole' and …" queries: a role, user or
 * group holds PassRole on `*` in one policy and an action that runs as the passed role in another.
 */
function passRoleEscalation(principal: 'role' | 'user' | 'group', query: string, name: string, ourLine: number): KicsMapping {
  return {
    platform: 'terraform/aws',
    query,
    name,
    rules: ['IG-AWS-021'],
    scope: 'IG-AWS-021 reports `iam:PassRole` on any role (high), critical when the same identity may also start something as the passed role',
    explained: {
      'positive1.tf': {
        ours: [ourLine],
        reason: `location (reviewed): KICS reports the ${principal} (line 1), we report the \`iam:PassRole\` statement of the policy attached to it, critical because another policy of that ${principal} grants the action that runs as the passed role`,
      },
    },
  };
}

export const KICS_MAPPINGS: readonly KicsMapping[] = [

  {
    platform: 'k8s',
    query: 'container_is_privileged',
    name: 'Container Is Privileged',
    rules: ['IG-K8S-101'],
  },
  {
    platform: 'k8s',
    query: 'privilege_escalation_allowed',
    name: 'Privilege Escalation Allowed',
    rules: ['IG-K8S-102'],
  },
  {
    platform: 'k8s',
    query: 'containers_running_as_root',
    name: 'Container Running As Root',
    rules: ['IG-K8S-103'],
    explained: {
      'positive1.yaml': { ours: [13, 44], reason: 'KICS wrong on line 38: it also flags the pod-level `runAsUser: 1000` of a pod whose container overrides it with `runAsUser: 0`; we report only the override (line 44), where root comes from' },
    },
  },
  {
    platform: 'k8s',
    query: 'no_drop_capabilities_for_containers',
    name: 'No Drop Capabilities for Containers',
    rules: ['IG-K8S-104'],
  },
  {
    platform: 'k8s',
    query: 'net_raw_capabilities_not_being_dropped',
    name: 'NET_RAW Capabilities Not Being Dropped',
    rules: ['IG-K8S-104'],
    scope: 'inferguard requires `drop: [ALL]`; dropping only NET_RAW still fires',
    explained: {
      'positive1.yaml': { ours: [11, 13, 18, 23], reason: 'location convention: for a container without `capabilities` KICS reports its `name` (21), we report its `securityContext` (23)' },
      'positive2.yaml': { ours: [], reason: 'scope: the container is `privileged: true`; IG-K8S-104 leaves privileged containers to IG-K8S-101 (a privileged container has every capability whatever it drops)' },
    },
  },
  {
    platform: 'k8s',
    query: 'containers_with_sys_admin_capabilities',
    name: 'Containers With Sys Admin Capabilities',
    rules: ['IG-K8S-105'],
  },
  {
    platform: 'k8s',
    query: 'containers_with_added_capabilities',
    name: 'Containers With Added Capabilities',
    rules: ['IG-K8S-105'],
    scope: 'inferguard reports only dangerous capabilities (SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE, …), not every added one',
  },
  {
    platform: 'k8s',
    query: 'root_container_not_mounted_as_read_only',
    name: 'Root Container Not Mounted Read-only',
    rules: ['IG-K8S-106'],
  },
  {
    platform: 'k8s',
    query: 'seccomp_profile_is_not_configured',
    name: 'Seccomp Profile Is Not Configured',
    rules: ['IG-K8S-107'],
    explained: {
      'negative1.yaml': { ours: [9], reason: 'KICS wrong: it accepts `seccomp.security.alpha.kubernetes.io/defaultProfileName`, a PodSecurityPolicy annotation that does nothing on a Pod (and the seccomp annotations are ignored since Kubernetes 1.27): the pod runs Unconfined' },
      'positive1.yaml': { ours: [7, 18, 29, 46], reason: 'location convention: for pods with a wrong annotation KICS reports the annotation, we report the pod spec (the field that is missing)' },
    },
  },
  {
    platform: 'k8s',
    query: 'shared_host_ipc_namespace',
    name: 'Shared Host IPC Namespace',
    rules: ['IG-K8S-108'],
    fixed: 'Knative Configuration / Revision',
    scope: 'IG-K8S-108 covers hostNetwork / hostPID / hostIPC together',
  },
  {
    platform: 'k8s',
    query: 'shared_host_network_namespace',
    name: 'Shared Host Network Namespace',
    rules: ['IG-K8S-108'],
    fixed: 'Knative Configuration / Revision',
    scope: 'IG-K8S-108 covers hostNetwork / hostPID / hostIPC together',
  },
  {
    platform: 'k8s',
    query: 'shared_host_pid_namespace',
    name: 'Shared Host PID Namespace',
    rules: ['IG-K8S-108'],
    fixed: 'Knative Configuration / Revision',
    scope: 'IG-K8S-108 covers hostNetwork / hostPID / hostIPC together',
  },
  {
    platform: 'k8s',
    query: 'non_kube_system_pod_with_host_mount',
    name: 'Non Kube System Pod With Host Mount',
    rules: ['IG-K8S-109'],
    fixed: 'Knative Configuration / Revision; hostPath PersistentVolumes',
    scope: 'inferguard does not exempt kube-system',
    explained: {
      'negative.yaml': {
        ours: [40, 43, 60, 90, 107],
        reason:
          'scope: these hostPath pods are in kube-system; inferguard does not exempt kube-system (a hostPath there is as much a node escape). Line 107 is a hostPath PersistentVolume whose metadata names kube-system: PersistentVolumes are cluster-scoped (the API ignores the namespace), so a claim of any namespace can bind it',
      },
    },
  },
  {
    platform: 'k8s',
    query: 'docker_daemon_socket_is_exposed_to_containers',
    name: 'Docker Daemon Socket is Exposed to Containers',
    rules: ['IG-K8S-109'],
    scope: 'IG-K8S-109 reports every hostPath (critical paths such as runtime sockets are named in the message)',
    explained: {
      'negative.yaml': { ours: [15], reason: 'scope: IG-K8S-109 reports every hostPath volume (critical paths named in the message), not only sensitive directories / runtime sockets' },
    },
  },
  {
    platform: 'k8s',
    query: 'workload_mounting_with_sensitive_os_directory',
    name: 'Workload Mounting With Sensitive OS Directory',
    rules: ['IG-K8S-109'],
    fixed: 'Knative Configuration / Revision; hostPath PersistentVolumes',
    scope: 'IG-K8S-109 reports every hostPath, not only sensitive directories',
    explained: {
      'negative.yaml': { ours: [37, 69, 99], reason: 'scope: IG-K8S-109 reports every hostPath volume (critical paths named in the message), not only sensitive directories / runtime sockets' },
    },
  },
  {
    platform: 'k8s',
    query: 'workload_host_port_not_specified',
    name: 'Workload Host Port Not Specified',
    rules: ['IG-K8S-110'],
    explained: {
      'positive.yaml': { ours: [12, 27], reason: 'location convention: KICS reports `ports:`, we report `hostPort:`' },
    },
  },
  {
    platform: 'k8s',
    query: 'cpu_limits_not_set',
    name: 'CPU Limits Not Set',
    rules: ['IG-K8S-111'],
    fixed: 'Knative Configuration / Revision',
    scope: 'IG-K8S-111 reports a missing CPU or memory limit',
    explained: {
      'negative.yaml': { ours: [10], reason: 'scope: IG-K8S-111 reports a missing CPU or memory limit; this container has no memory limit' },
    },
  },
  {
    platform: 'k8s',
    query: 'memory_limits_not_defined',
    name: 'Memory Limits Not Defined',
    rules: ['IG-K8S-111'],
    scope: 'IG-K8S-111 reports a missing CPU or memory limit',
    explained: {
      'negative1.yaml': { ours: [11], reason: 'scope: IG-K8S-111 reports a missing CPU or memory limit; this container has no CPU limit' },
      'positive1.yaml': { ours: [10, 25, 38, 57], reason: 'location convention: KICS reports the container `name`, we report its `resources`' },
    },
  },
  {
    platform: 'k8s',
    query: 'cpu_requests_not_set',
    name: 'CPU Requests Not Set',
    rules: ['IG-K8S-112'],
    scope: 'IG-K8S-112 reports a missing CPU or memory request, and takes a limit as the request (Kubernetes copies it)',
    explained: {
      'positive.yaml': { ours: [], reason: 'KICS wrong: every container sets `limits.cpu`, and Kubernetes copies a missing request from the limit, so the CPU request is set' },
    },
  },
  {
    platform: 'k8s',
    query: 'memory_requests_not_defined',
    name: 'Memory Requests Not Defined',
    rules: ['IG-K8S-112'],
    scope: 'IG-K8S-112 reports a missing CPU or memory request, and takes a limit as the request (Kubernetes copies it)',
    explained: {
      'negative1.yaml': { ours: [13], reason: 'scope: IG-K8S-112 reports a missing CPU or memory request; this container has no CPU request' },
      'positive1.yaml': { ours: [27, 40, 59], reason: 'KICS wrong on line 13: that container\'s memory request is taken from its memory limit (Kubernetes copies it); other lines: location convention (container `name` vs `resources`)' },
      'positive2.yaml': { ours: [], reason: 'KICS wrong: `limits.memory` is set, and Kubernetes copies a missing request from the limit' },
    },
  },
  {
    platform: 'k8s',
    query: 'image_without_digest',
    name: 'Image Without Digest',
    rules: ['IG-K8S-113'],
    explained: {
      'positive.yaml': { ours: [], reason: 'scope: `$PRIVATE_IMAGE_NAME` is an unrendered placeholder; inferguard does not judge values it cannot know' },
    },
  },
  {
    platform: 'k8s',
    query: 'invalid_image',
    name: 'Invalid Image Tag',
    rules: ['IG-K8S-113'],
    scope: 'IG-K8S-113 reports every image without a digest, not only `latest` / no tag',
    explained: {
      'negative.yaml': { ours: [8], reason: 'scope: IG-K8S-113 requires a digest; a fixed tag such as `nginx:1.14.2` is still mutable' },
    },
  },
  {
    platform: 'k8s',
    query: 'service_account_token_automount_not_disabled',
    name: 'Service Account Token Automount Not Disabled',
    rules: ['IG-K8S-115'],
    fixed: 'Knative Configuration / Revision',
    explained: {
      'positive2.yaml': { ours: [21], reason: 'location (reviewed): KICS reports the ServiceAccount\'s `automountServiceAccountToken: true` (5), we report the pod\'s `serviceAccountName` (21) that picks it up' },
    },
  },
  {
    platform: 'k8s',
    query: 'service_type_is_nodeport',
    name: 'Service Type is NodePort',
    rules: ['IG-K8S-118'],
    explained: {
      'negative.yaml': { ours: [13], reason: 'scope: the negative is a public LoadBalancer, which IG-K8S-118 also reports' },
    },
  },
  {
    platform: 'k8s',
    query: 'service_with_external_load_balancer',
    name: 'Service With External Load Balancer',
    rules: ['IG-K8S-118'],
    explained: {
      'positive.yaml': { ours: [10, 25, 40, 55, 70], reason: 'location convention: KICS reports `metadata`, we report `type: LoadBalancer`' },
    },
  },
  {
    platform: 'k8s',
    query: 'rbac_wildcard_in_rule',
    name: 'RBAC Wildcard In Rule',
    rules: ['IG-K8S-121'],
    explained: {
      'positive.yaml': { ours: [9, 20, 31], reason: 'location convention: KICS reports each wildcard field (apiGroups, resources, verbs), we report one finding per rule entry' },
    },
  },
  {
    platform: 'k8s',
    query: 'rbac_roles_allow_privilege_escalation',
    name: 'RBAC Roles Allow Privilege Escalation',
    rules: ['IG-K8S-122'],
  },
  {
    platform: 'k8s',
    query: 'rbac_roles_with_attach_permission',
    name: 'RBAC Roles with Attach Permission',
    rules: ['IG-K8S-122'],
    explained: {
      'negative.yaml': { ours: [9], reason: 'scope: IG-K8S-122 also reports `create` on pods, which this negative grants' },
      'positive.yaml': { ours: [8, 9], reason: 'scope: line 9 is `create` on pods, which IG-K8S-122 also reports' },
    },
  },
  {
    platform: 'k8s',
    query: 'rbac_roles_with_exec_permission',
    name: 'RBAC Roles with Exec Permission',
    rules: ['IG-K8S-122'],
    explained: {
      'negative.yaml': { ours: [9], reason: 'scope: IG-K8S-122 also reports `create` on pods, which this negative grants' },
      'positive.yaml': { ours: [8, 9], reason: 'scope: line 9 is `create` on pods, which IG-K8S-122 also reports' },
    },
  },
  {
    platform: 'k8s',
    query: 'rbac_roles_with_impersonate_permission',
    name: 'RBAC Roles with Impersonate Permission',
    rules: ['IG-K8S-122'],
  },
  {
    platform: 'k8s',
    query: 'rbac_roles_with_read_secrets_permissions',
    name: 'RBAC Roles with Read Secrets Permissions',
    rules: ['IG-K8S-122'],
    explained: {
      'positive.yaml': { ours: [17], reason: 'scope: IG-K8S-122 reports reading all Secrets on ClusterRoles only (a Role reads one namespace); line 17 vs 18: we report `resources`, KICS `verbs`' },
    },
  },
  {
    platform: 'k8s',
    query: 'permissive_access_to_create_pods',
    name: 'Permissive Access to Create Pods',
    rules: ['IG-K8S-121', 'IG-K8S-122'],
    scope: 'wildcard verbs / resources that include pod creation are IG-K8S-121',
    explained: {
      'negative1.yaml': { ours: [18], reason: 'scope: IG-K8S-122 also reports reading all Secrets (ClusterRole secret-reader2)' },
      'negative2.yaml': { ours: [9], reason: 'scope: IG-K8S-121 reports the `*` resources of apiextensions.k8s.io' },
      'positive1.yaml': {
        ours: [12, 20, 30, 39],
        kicsWrong: [48, 60],
        reason:
          'location convention: KICS reports the `verbs` / `resources` key, we report the entry that grants it. KICS wrong on lines 48 / 60: RBAC knows no partial wildcards, so the verb `c*e` and the resource `p*ds` match nothing (only a whole `*` is a wildcard)',
      },
      'positive2.yaml': { ours: [10, 25], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
    },
  },
  {
    platform: 'k8s',
    query: 'service_account_allows_access_secrets',
    name: 'ServiceAccount Allows Access Secrets',
    rules: ['IG-K8S-122'],
    explained: {
      'negative.yaml': { ours: [94, 105], reason: 'scope: KICS reports only roles bound to a ServiceAccount; IG-K8S-122 also reports ClusterRoles that read all Secrets when unbound or bound to users' },
      'positive.yaml': { ours: [57], reason: 'scope: IG-K8S-122 reports reading Secrets on ClusterRoles only, not on namespaced Roles; remaining lines: location convention' },
    },
  },
  {
    platform: 'k8s',
    query: 'cluster_admin_role_binding_with_super_user_permissions',
    name: 'Cluster Admin Rolebinding With Superuser Permissions',
    rules: ['IG-K8S-123'],
  },
  {
    platform: 'terraform/kubernetes',
    query: 'cluster_admin_role_binding_with_super_user_permissions',
    name: 'Cluster Admin Rolebinding With Superuser Permissions',
    rules: ['IG-K8S-123'],
  },
  {
    platform: 'terraform/kubernetes',
    query: 'container_host_pid_is_true',
    name: 'Container Host Pid Is True',
    rules: ['IG-K8S-108'],
  },
  {
    platform: 'terraform/kubernetes',
    query: 'container_is_privileged',
    name: 'Container Is Privileged',
    rules: ['IG-K8S-101'],
  },
  {
    platform: 'terraform/kubernetes',
    query: 'container_resources_limits_undefined',
    name: 'Container Resources Limits Undefined',
    rules: ['IG-K8S-111'],
    explained: {
      'positive.tf': {
        ours: [9, 42, 167, 224],
        kicsWrong: [106],
        reason:
          'location convention: KICS reports the enclosing block, we report the container that lacks limits. KICS wrong on line 106: `resources { limits { cpu, memory } }` sets both limits (the block form of provider 1.x; provider 2.x rejects it, so either way no container runs without limits)',
      },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'container_with_added_capabilities',
    name: 'Containers With Added Capabilities',
    rules: ['IG-K8S-105'],
    scope: 'inferguard reports only dangerous capabilities, not every added one',
    explained: {
      'positive.tf': { ours: [], reason: 'scope: IG-K8S-105 reports only dangerous capabilities; these containers add harmless ones' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'containers_with_sys_admin_capabilities',
    name: 'Containers With Sys Admin Capabilities',
    rules: ['IG-K8S-105'],
    explained: {
      'positive.tf': { ours: [15, 50, 113], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'cpu_limits_not_set',
    name: 'CPU Limits Not Set',
    rules: ['IG-K8S-111'],
    scope: 'IG-K8S-111 reports a missing CPU or memory limit',
    explained: {
      'positive.tf': { ours: [9, 42, 106], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'cpu_requests_not_set',
    name: 'CPU Requests Not Set',
    rules: ['IG-K8S-112'],
    scope: 'IG-K8S-112 reports a missing CPU or memory request, and takes a limit as the request',
    explained: {
      'positive.tf': {
        ours: [9, 43],
        kicsWrong: [105],
        reason:
          'location convention: KICS reports the enclosing block, we report the container that lacks the request. KICS wrong on line 105: that container sets CPU and memory limits (`limits { … }`, provider 1.x) and Kubernetes copies a missing request from the limit',
      },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'docker_daemon_socket_is_exposed_to_containers',
    name: 'Docker Daemon Socket is Exposed to Containers',
    rules: ['IG-K8S-109'],
    scope: 'IG-K8S-109 reports every hostPath',
    explained: {
      'negative.tf': { ours: [11, 18, 101, 108, 172, 179], reason: 'scope: IG-K8S-109 reports every hostPath volume (critical paths named in the message), not only sensitive directories / runtime sockets' },
      'positive.tf': { ours: [11, 18, 101, 108, 172, 179], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'image_without_digest',
    name: 'Image Without Digest',
    rules: ['IG-K8S-113'],
    explained: {
      'positive.tf': { ours: [8, 115], reason: 'scope: line 60 is a container without `image` (the API rejects it; nothing runs, nothing to pin); line 113 vs 115: location (KICS the `container` list, we the `image`)' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'invalid_image',
    name: 'Invalid Image',
    rules: ['IG-K8S-113'],
    scope: 'IG-K8S-113 reports every image without a digest, not only `latest` / no tag',
    explained: {
      'negative.tf': { ours: [8], reason: 'scope: IG-K8S-113 requires a digest; a fixed tag is still mutable' },
      'positive.tf': { ours: [115], reason: 'scope: lines 8 (`image = ""`) and 60 (no `image`) are containers the API rejects, as `image` is required: nothing runs, nothing to pin; line 113 vs 115: location (KICS the `container` list, we the `image`)' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'memory_limits_not_defined',
    name: 'Memory Limits Not Defined',
    rules: ['IG-K8S-111'],
    scope: 'IG-K8S-111 reports a missing CPU or memory limit',
    explained: {
      'positive.tf': { ours: [9, 42, 106], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'memory_requests_not_defined',
    name: 'Memory Requests Not Defined',
    rules: ['IG-K8S-112'],
    scope: 'IG-K8S-112 reports a missing CPU or memory request, and takes a limit as the request',
    explained: {
      'positive.tf': {
        ours: [9, 43],
        kicsWrong: [105],
        reason:
          'location convention: KICS reports the enclosing block, we report the container that lacks the request. KICS wrong on line 105: that container sets CPU and memory limits (`limits { … }`, provider 1.x) and Kubernetes copies a missing request from the limit',
      },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'net_raw_capabilities_not_being_dropped',
    name: 'NET_RAW Capabilities Not Being Dropped',
    rules: ['IG-K8S-104'],
    scope: 'inferguard requires `drop: [ALL]`',
    explained: {
      'positive.tf': { ours: [15, 48, 77, 140], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'no_drop_capabilities_for_containers',
    name: 'No Drop Capabilities for Containers',
    rules: ['IG-K8S-104'],
    explained: {
      'positive1.tf': { ours: [14], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
      'positive2.tf': { ours: [14], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
      'positive3.tf': { ours: [10], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'non_kube_system_pod_with_host_mount',
    name: 'Non Kube System Pod With Host Mount',
    rules: ['IG-K8S-109'],
    fixed: 'hostPath PersistentVolumes',
    scope: 'inferguard does not exempt kube-system',
    explained: {
      'positive.tf': {
        ours: [53, 113],
        reason:
          'KICS wrong: lines 173 / 233 are `kubernetes_persistent_volume` resources holding a pod spec (`container`, `volume { host_path }`), blocks the provider\'s PersistentVolume schema does not have (Terraform rejects the file); a real hostPath PersistentVolume (`persistent_volume_source { host_path }`) is reported. Lines 53 / 113 agree',
      },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'permissive_access_to_create_pods',
    name: 'Permissive Access to Create Pods',
    rules: ['IG-K8S-121', 'IG-K8S-122'],
    scope: 'wildcard verbs / resources that include pod creation are IG-K8S-121',
    explained: {
      'positive1.tf': { ours: [13, 33, 51, 67], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
      'positive2.tf': { ours: [9, 20, 33, 45], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'privilege_escalation_allowed',
    name: 'Privilege Escalation Allowed',
    rules: ['IG-K8S-102'],
  },
  {
    platform: 'terraform/kubernetes',
    query: 'rbac_roles_with_read_secrets_permissions',
    name: 'RBAC Roles with Read Secrets Permissions',
    rules: ['IG-K8S-122'],
    explained: {
      'positive.tf': { ours: [29, 64], reason: 'scope: IG-K8S-122 reports reading Secrets on ClusterRoles only, and not with `resource_names`; lines 29 / 64 vs 27 / 62: location convention' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'root_container_not_mounted_as_read_only',
    name: 'Root Container Not Mounted As Read-only',
    rules: ['IG-K8S-106'],
    explained: {
      'positive.tf': { ours: [14, 42, 103], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'secoomp_profile_is_not_configured',
    name: 'Seccomp Profile Is Not Configured',
    rules: ['IG-K8S-107'],
    explained: {
      'negative.tf': { ours: [11, 80, 120], reason: 'KICS wrong: the `seccomp.security.alpha.kubernetes.io/defaultProfileName` annotation is a PodSecurityPolicy annotation that does nothing on a pod; the pod runs Unconfined' },
      'positive.tf': { ours: [7, 64, 121, 186, 220, 254, 291, 354, 417], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'service_account_allows_access_secrets',
    name: 'Service Account Allows Access Secrets',
    rules: ['IG-K8S-122'],
    explained: {
      'positive.tf': { ours: [9], reason: 'scope: IG-K8S-122 reports reading Secrets on ClusterRoles only; line 9 vs 7: location convention' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'service_account_token_automount_not_disabled',
    name: 'Service Account Token Automount Not Disabled',
    rules: ['IG-K8S-115'],
  },
  {
    platform: 'terraform/kubernetes',
    query: 'service_type_is_nodeport',
    name: 'Service Type is NodePort',
    rules: ['IG-K8S-118'],
    explained: {
      'negative.tf': { ours: [15], reason: 'scope: the negative is a public LoadBalancer, which IG-K8S-118 also reports' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'service_with_external_load_balancer',
    name: 'Service With External Load Balancer',
    rules: ['IG-K8S-118'],
    explained: {
      'positive1.tf': { ours: [18, 36], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
      'positive2.tf': { ours: [18, 39, 60], reason: 'location convention: KICS reports the enclosing resource / block (`container`, `spec`, `metadata`), we report the attribute that is wrong (or the block it is missing from); the test checks that both flag the same resources / documents' },
    },
  },
  {
    platform: 'terraform/kubernetes',
    query: 'shared_host_ipc_namespace',
    name: 'Shared Host IPC Namespace',
    rules: ['IG-K8S-108'],
  },
  {
    platform: 'terraform/kubernetes',
    query: 'shared_host_network_namespace',
    name: 'Shared Host Network Namespace',
    rules: ['IG-K8S-108'],
  },
  {
    platform: 'terraform/kubernetes',
    query: 'workload_mounting_with_sensitive_os_directory',
    name: 'Workload Mounting With Sensitive OS Directory',
    rules: ['IG-K8S-109'],
    fixed: 'hostPath PersistentVolumes',
    scope: 'IG-K8S-109 reports every hostPath',
    explained: {
      'positive.tf': {
        ours: [53],
        reason:
          'KICS wrong: line 112 is a `kubernetes_persistent_volume` holding a pod spec (`volume { host_path }`), which the provider\'s PersistentVolume schema does not have; line 53 agrees',
      },
    },
  },
  {
    platform: 'terraform/aws',
    query: 'sagemaker_endpoint_configuration_encryption_disabled',
    name: 'Sagemaker Endpoint Configuration Encryption Disabled',
    rules: ['IG-AWS-003'],
  },
  {
    platform: 'terraform/aws',
    query: 'sagemaker_notebook_instance_without_kms',
    name: 'Sagemaker Notebook Instance Without KMS',
    rules: ['IG-AWS-011'],
    scope: 'IG-AWS-011 also reports a notebook that allows IMDSv1',
    explained: {
      'negative1.tf': { ours: [1], reason: 'scope: IG-AWS-011 also reports the notebook\'s default IMDSv1 (no `instance_metadata_service_configuration`)' },
    },
  },
  {
    platform: 'terraform/aws',
    query: 'iam_role_policy_passrole_allows_all',
    name: 'IAM Role Policy passRole Allows All',
    rules: ['IG-AWS-021'],
  },
  passRoleEscalation('group', 'group_with_privilege_escalation_by_actions_iam_PassRole_and_cloudformation_CreateStack', 'Group With Privilege Escalation By Actions \'cloudformation:CreateStack\' And \'iam:PassRole\'', 40),
  passRoleEscalation('group', 'group_with_privilege_escalation_by_actions_iam_PassRole_and_glue_CreateDevEndpoint', 'Group With Privilege Escalation By Actions \'glue:CreateDevEndpoint\' And \'iam:PassRole\'', 40),
  passRoleEscalation('group', 'group_with_privilege_escalation_by_actions_iam_PassRole_and_lambda_CreateFunction_and_lambda_InvokeFunction', 'Group With Privilege Escalation By Actions \'lambda:CreateFunction\' And \'iam:PassRole\' And \'lambda:InvokeFunction\'', 41),
  passRoleEscalation('role', 'role_with_privilege_escalation_by_actions_iam_PassRole_and_cloudformation_CreateStack', 'Role With Privilege Escalation By Actions \'cloudformation:CreateStack\' And \'iam:PassRole\'', 40),
  passRoleEscalation('role', 'role_with_privilege_escalation_by_actions_iam_PassRole_and_glue_CreateDevEndpoint', 'Role With Privilege Escalation By Actions \'glue:CreateDevEndpoint\' And \'iam:PassRole\'', 40),
  passRoleEscalation('role', 'role_with_privilege_escalation_by_actions_iam_PassRole_and_lambda_CreateFunction_lambda_InvokeFunction', 'Role With Privilege Escalation By Actions \'lambda:CreateFunction\' And \'iam:PassRole\' And \'lambda:InvokeFunction\'', 41),
  passRoleEscalation('user', 'user_with_privilege_escalation_by_actions_iam_PassRole_and_cloudformation_CreateStack', 'User With Privilege Escalation By Actions \'cloudformation:CreateStack\' And \'iam:PassRole\'', 42),
  passRoleEscalation('user', 'user_with_privilege_escalation_by_actions_iam_PassRole_and_glue_CreateDevEndpoint', 'User With Privilege Escalation By Actions \'glue:CreateDevEndpoint\' And \'iam:PassRole\'', 42),
  passRoleEscalation('user', 'user_with_privilege_escalation_by_actions_iam_PassRole_and_lambda_CreateFunction_and_lambda_InvokeFunction', 'User With Privilege Escalation By Actions \'lambda:CreateFunction\' And \'iam:PassRole\' And \'lambda:InvokeFunction\'', 43),
  passRoleEscalation('group', 'group_with_privilege_escalation_by_actions_iam_PassRole_and_ec2_RunInstances', 'Group With Privilege Escalation By Actions \'ec2:RunInstances\' And \'iam:PassRole\'', 40),
  passRoleEscalation('role', 'role_with_privilege_escalation_by_actions_iam_PassRole_and_ec2_RunInstances', 'Role With Privilege Escalation By Actions \'ec2:RunInstances\' And \'iam:PassRole\'', 40),
  passRoleEscalation('user', 'user_with_privilege_escalation_by_actions_iam_PassRole_and_ec2_RunInstances', 'User With Privilege Escalation By Actions \'ec2:RunInstances\' And \'iam:PassRole\'', 42),
  {
    platform: 'terraform/aws',
    query: 'iam_policy_grants_full_permissions',
    name: 'IAM Policy Grants Full Permissions',
    rules: ['IG-AWS-022'],
    scope: 'IG-AWS-022 reports any Write or Permissions-management action on `Resource: "*"`, of which `*` is one',
  },
  {
    platform: 'terraform/aws',
    query: 'iam_policies_with_full_privileges',
    name: 'IAM Policies With Full Privileges',
    rules: ['IG-AWS-022'],
    scope: 'IG-AWS-022 judges the policies an identity holds; a policy document nothing uses grants nothing',
    explained: {
      'positive.tf': { ours: [5], reason: 'scope: line 19 is a `data "aws_iam_policy_document"` that no policy, role or attachment uses: it grants nothing to anyone' },
    },
  },
  {
    platform: 'terraform/aws',
    query: 'iam_role_with_full_privileges',
    name: 'IAM Role With Full Privileges',
    rules: ['IG-AWS-022'],
    explained: {
      'positive.tf': {
        ours: [],
        reason:
          'KICS wrong: both flagged statements are trust policies (`assume_role_policy`) letting `ec2.amazonaws.com` assume the role; a trust policy grants the role no permissions, and neither role has a permissions policy',
      },
    },
  },
  {
    platform: 'terraform/aws',
    query: 'iam_role_allows_all_principals_to_assume',
    name: 'IAM Role Allows All Principals To Assume',
    rules: ['IG-AWS-023'],
    explained: {
      'positive.tf': {
        ours: [],
        reason:
          'KICS wrong: the principal `arn:aws:iam::root` names no account (IAM rejects the trust policy as malformed), and the statement allows only `logs:` actions, not `sts:AssumeRole`: nobody can assume the role through it',
      },
    },
  },
  {
    platform: 'terraform/aws',
    query: 's3_bucket_without_versioning',
    name: 'S3 Bucket Without Versioning',
    rules: ['IG-AWS-017'],
    scope: 'inferguard checks only buckets / storage that hold model artifacts (linked to a SageMaker model, Vertex AI, Azure ML); KICS checks every one',
    explained: {
      'positive1.tf': { ours: [], reason: 'scope: the bucket holds no model artifacts (nothing links it to a SageMaker model or endpoint)' },
      'positive2.tf': { ours: [], reason: 'scope: the bucket holds no model artifacts (nothing links it to a SageMaker model or endpoint)' },
      'positive3.tf': { ours: [], reason: 'scope: the bucket holds no model artifacts (nothing links it to a SageMaker model or endpoint)' },
      'positive4.tf': { ours: [], reason: 'scope: the bucket holds no model artifacts (nothing links it to a SageMaker model or endpoint)' },
      'positive5.tf': { ours: [], reason: 'scope: the bucket holds no model artifacts (nothing links it to a SageMaker model or endpoint)' },
      'positive6.tf': { ours: [], reason: 'scope: the bucket holds no model artifacts (nothing links it to a SageMaker model or endpoint)' },
      'positive7.tf': { ours: [], reason: 'scope: the bucket holds no model artifacts (nothing links it to a SageMaker model or endpoint)' },
      'positive8.tf': { ours: [], reason: 'scope: the bucket holds no model artifacts (nothing links it to a SageMaker model or endpoint)' },
    },
  },
  {
    platform: 'terraform/aws',
    query: 's3_bucket_logging_disabled',
    name: 'S3 Bucket Logging Disabled',
    rules: ['IG-AWS-028'],
    scope: 'inferguard checks only buckets / storage that hold model artifacts (linked to a SageMaker model, Vertex AI, Azure ML); KICS checks every one',
    explained: {
      'positive1.tf': { ours: [], reason: 'scope: the bucket holds no model artifacts (nothing links it to a SageMaker model or endpoint)' },
      'positive2.tf': { ours: [], reason: 'scope: the bucket holds no model artifacts (nothing links it to a SageMaker model or endpoint)' },
      'positive3.tf': { ours: [], reason: 'scope: the bucket holds no model artifacts (nothing links it to a SageMaker model or endpoint)' },
    },
  },
  {
    platform: 'terraform/gcp',
    query: 'network_policy_disabled',
    name: 'Network Policy Disabled',
    rules: ['IG-GCP-012'],
    fixed: 'a disabled network policy addon',
    explained: {
      'positive.tf': {
        ours: [30, 63, 86],
        reason:
          'KICS wrong: lines 2 / 16 / 48 create clusters with `network_policy { enabled = true }` and no `addons_config.network_policy_config`. The CIS GKE Benchmark (Network Policy recommendation, Impact) says the add-on "is included automatically when a cluster with Network Policy is created"; only an existing cluster needs it added first. An explicit `network_policy_config { disabled = true }` (line 86) is reported',
      },
    },
  },
  {
    platform: 'terraform/gcp',
    query: 'cloud_storage_anonymous_or_publicly_accessible',
    name: 'Cloud Storage Anonymous or Publicly Accessible',
    rules: ['IG-GCP-009'],
    scope: 'inferguard checks only buckets / storage that hold model artifacts (linked to a SageMaker model, Vertex AI, Azure ML); KICS checks every one',
    explained: {
      'positive.tf': { ours: [], reason: 'scope: the bucket holds no model artifacts (nothing links it to Vertex AI)' },
    },
  },
  {
    platform: 'terraform/gcp',
    query: 'google_storage_bucket_level_access_disabled',
    name: 'Google Storage Bucket Level Access Disabled',
    rules: ['IG-GCP-008'],
    scope: 'inferguard checks only buckets / storage that hold model artifacts (linked to a SageMaker model, Vertex AI, Azure ML); KICS checks every one',
    explained: {
      'positive.tf': { ours: [], reason: 'scope: the bucket holds no model artifacts (nothing links it to Vertex AI)' },
    },
  },
  {
    platform: 'terraform/azure',
    query: 'aks_network_policy_misconfigured',
    name: 'AKS Network Policy Misconfigured',
    rules: ['IG-AZ-013'],
    explained: {
      'positive.tf': { ours: [21, 26], reason: 'KICS wrong: it flags `network_policy = "roxanne"`, a value the azurerm provider rejects at plan: nothing is deployed, so there is no policy gap to report' },
    },
  },
  {
    platform: 'terraform/azure',
    query: 'storage_container_is_publicly_accessible',
    name: 'Storage Container Is Publicly Accessible',
    rules: ['IG-AZ-012'],
    scope: 'inferguard checks only buckets / storage that hold model artifacts (linked to a SageMaker model, Vertex AI, Azure ML); KICS checks every one',
    explained: {
      'positive.tf': { ours: [], reason: 'scope: the container holds no model artifacts (nothing links it to an Azure ML workspace)' },
    },
  },
];
