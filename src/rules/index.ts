import { sagemakerModelNotIsolated } from './aws/sagemaker-model-not-isolated.js';
import { internetReachableControlPlane } from './graph/internet-reachable-control-plane.js';
import { servingIdentityModelStorageAccess } from './graph/serving-identity-model-storage-access.js';
import { modelPodsNotIsolated } from './graph/model-pods-not-isolated.js';
import { canaryPostureWeaker } from './graph/canary-posture-weaker.js';
import { ssrfReachesMetadataCredentials } from './graph/ssrf-reaches-metadata-credentials.js';
import { liveModelPublicStorage } from './graph/live-model-public-storage.js';
import { rayClusterCarriesCredentials } from './graph/ray-cluster-carries-credentials.js';
import { interactiveIdentityServesModels } from './graph/interactive-identity-serves-models.js';
import { sharedWritableModelCache } from './graph/shared-writable-model-cache.js';
import { inferenceCaptureSinkWeaker } from './graph/inference-capture-sink-weaker.js';
import { servingAccountDangerousRbac } from './graph/serving-account-dangerous-rbac.js';
import { servedModelFromUnauthenticatedRegistry } from './graph/served-model-from-unauthenticated-registry.js';
import { llmServerExposedWithoutRateLimit } from './graph/llm-server-exposed-without-rate-limit.js';
import { sagemakerModelNotInVpc } from './aws/sagemaker-model-not-in-vpc.js';
import { sagemakerEndpointStorageWithoutCmk } from './aws/sagemaker-endpoint-storage-without-cmk.js';
import { sagemakerDataCaptureWithoutCmk } from './aws/sagemaker-data-capture-without-cmk.js';
import { sagemakerAsyncOutputWithoutCmk } from './aws/sagemaker-async-output-without-cmk.js';
import { sagemakerEndpointSsmAccess } from './aws/sagemaker-endpoint-ssm-access.js';
import { sagemakerEnvSecretOrRemoteCode } from './aws/sagemaker-env-secret-or-remote-code.js';
import { sagemakerImageNotPinned } from './aws/sagemaker-image-not-pinned.js';
import { sagemakerNotebookDirectInternet } from './aws/sagemaker-notebook-direct-internet.js';
import { sagemakerNotebookRootAccess } from './aws/sagemaker-notebook-root-access.js';
import { sagemakerNotebookWithoutCmkOrImdsv1 } from './aws/sagemaker-notebook-without-cmk-or-imdsv1.js';
import { sagemakerDomainPublicInternet } from './aws/sagemaker-domain-public-internet.js';
import { sagemakerDomainWithoutCmk } from './aws/sagemaker-domain-without-cmk.js';
import { sagemakerModelPackageGroupPublic } from './aws/sagemaker-model-package-group-public.js';
import { bedrockInvocationLoggingAbsent } from './aws/bedrock-invocation-logging-absent.js';
import { modelBucketPublic } from './aws/model-bucket-public.js';
import { modelBucketWithoutCmkOrVersioning } from './aws/model-bucket-without-cmk-or-versioning.js';
import { irsaRoleTrustUnbound } from './aws/irsa-role-trust-unbound.js';
import { servingRoleWildcardAction } from './aws/serving-role-wildcard-action.js';
import { servingRoleBroadManagedPolicy } from './aws/serving-role-broad-managed-policy.js';
import { passroleUnrestricted } from './aws/passrole-unrestricted.js';
import { writeOnAnyResource } from './aws/write-on-any-resource.js';
import { roleTrustTooBroad } from './aws/role-trust-too-broad.js';
import { eksEndpointPublic } from './aws/eks-endpoint-public.js';
import { eksSecretsUnencrypted } from './aws/eks-secrets-unencrypted.js';
import { eksAuditLoggingOff } from './aws/eks-audit-logging-off.js';
import { modelImageRepoMutable } from './aws/model-image-repo-mutable.js';
import { modelBucketAccessLoggingOff } from './aws/model-bucket-access-logging-off.js';
import { mlWorkspacePublicNetwork } from './azure/ml-workspace-public-network.js';
import { mlWorkspaceWithoutCmk } from './azure/ml-workspace-without-cmk.js';
import { mlWorkspaceInternetEgress } from './azure/ml-workspace-internet-egress.js';
import { mlComputeInstancePublicIp } from './azure/ml-compute-instance-public-ip.js';
import { mlComputeInstanceLocalAuth } from './azure/ml-compute-instance-local-auth.js';
import { mlComputeClusterPublicAccess } from './azure/ml-compute-cluster-public-access.js';
import { mlComputeClusterLocalAuth } from './azure/ml-compute-cluster-local-auth.js';
import { onlineEndpointKeyAuth } from './azure/online-endpoint-key-auth.js';
import { onlineEndpointPublic } from './azure/online-endpoint-public.js';
import { onlineDeploymentPublicEgress } from './azure/online-deployment-public-egress.js';
import { serverlessComputePublicIp } from './azure/serverless-compute-public-ip.js';
import { modelStorageAnonymousAccess } from './azure/model-storage-anonymous-access.js';
import { aksNetworkPolicyOff } from './azure/aks-network-policy-off.js';
import { aksLocalAccounts } from './azure/aks-local-accounts.js';
import { aksEndpointPublic } from './azure/aks-endpoint-public.js';
import { servingIdentityOwner } from './azure/serving-identity-owner.js';
import { vertexEndpointPublic } from './gcp/vertex-endpoint-public.js';
import { vertexEndpointWithoutCmek } from './gcp/vertex-endpoint-without-cmek.js';
import { vectorSearchEndpointPublic } from './gcp/vector-search-endpoint-public.js';
import { workbenchPublicIp } from './gcp/workbench-public-ip.js';
import { legacyNotebookPublicIp } from './gcp/legacy-notebook-public-ip.js';
import { notebookPrivilegedServiceAccount } from './gcp/notebook-privileged-service-account.js';
import { vertexDataStoreWithoutCmek } from './gcp/vertex-data-store-without-cmek.js';
import { modelBucketPublicAccessNotPrevented } from './gcp/model-bucket-public-access-not-prevented.js';
import { modelBucketPublicIam } from './gcp/model-bucket-public-iam.js';
import { workloadIdentityGrantTooBroad } from './gcp/workload-identity-grant-too-broad.js';
import { servingSaBasicRole } from './gcp/serving-sa-basic-role.js';
import { gkeNetworkPolicyUnenforced } from './gcp/gke-network-policy-unenforced.js';
import { gkeWorkloadIdentityOff } from './gcp/gke-workload-identity-off.js';
import { gkeEndpointPublic } from './gcp/gke-endpoint-public.js';
import type { Rule } from './define-rule.js';
import { capabilitiesNotDropped } from './k8s/capabilities-not-dropped.js';
import { clusterAdminBound } from './k8s/cluster-admin-bound.js';
import { dangerousCapabilityAdded } from './k8s/dangerous-capability-added.js';
import { defaultNamespaceUsed } from './k8s/default-namespace-used.js';
import { gpuPodBroadCapability } from './k8s/gpu-pod-broad-capability.js';
import { gpuPodHostIpc } from './k8s/gpu-pod-host-ipc.js';
import { gpuSharingAcrossTenants } from './k8s/gpu-sharing-across-tenants.js';
import { gpuStackTrustsVisibleDevicesEnv } from './k8s/gpu-stack-trusts-visible-devices-env.js';
import { gpuVisibilityWithoutRequest } from './k8s/gpu-visibility-without-request.js';
import { hostNamespaceShared } from './k8s/host-namespace-shared.js';
import { hostPathMounted } from './k8s/host-path-mounted.js';
import { hostPortBound } from './k8s/host-port-bound.js';
import { imageNotPinned } from './k8s/image-not-pinned.js';
import { ingressWithoutRateLimit } from './k8s/ingress-without-rate-limit.js';
import { ingressWithoutTls } from './k8s/ingress-without-tls.js';
import { modelHubTokenInline } from './k8s/model-hub-token-inline.js';
import { modelPodDefaultServiceAccount } from './k8s/model-pod-default-service-account.js';
import { modelPodHostNetwork } from './k8s/model-pod-host-network.js';
import { modelVolumeWritable } from './k8s/model-volume-writable.js';
import { modelServerEgressUnrestricted } from './k8s/model-server-egress-unrestricted.js';
import { modelServerLoadBalancerUnrestricted } from './k8s/model-server-load-balancer-unrestricted.js';
import { modelServerRouteWithoutTls } from './k8s/model-server-route-without-tls.js';
import { modelServerRunsAsRoot } from './k8s/model-server-runs-as-root.js';
import { namespaceWithoutDefaultDeny } from './k8s/namespace-without-default-deny.js';
import { nvidiaContainerToolkitVulnerable } from './k8s/nvidia-container-toolkit-vulnerable.js';
import { nvidiaHostPathMounted } from './k8s/nvidia-host-path-mounted.js';
import { podSecurityNotEnforced } from './k8s/pod-security-not-enforced.js';
import { privilegeEscalationAllowed } from './k8s/privilege-escalation-allowed.js';
import { privilegedContainer } from './k8s/privileged-container.js';
import { privilegedGpuContainer } from './k8s/privileged-gpu-container.js';
import { probesMissing } from './k8s/probes-missing.js';
import { rbacDangerousPermission } from './k8s/rbac-dangerous-permission.js';
import { rbacWildcard } from './k8s/rbac-wildcard.js';
import { resourceLimitsMissing } from './k8s/resource-limits-missing.js';
import { resourceRequestsMissing } from './k8s/resource-requests-missing.js';
import { runsAsRoot } from './k8s/runs-as-root.js';
import { schemaInvalidField } from './k8s/schema-invalid-field.js';
import { seccompNotEnforced } from './k8s/seccomp-not-enforced.js';
import { secretLiteralInEnv } from './k8s/secret-literal-in-env.js';
import { serviceAccountTokenMounted } from './k8s/service-account-token-mounted.js';
import { serviceExposedExternally } from './k8s/service-exposed-externally.js';
import { sharedMemoryUnbounded } from './k8s/shared-memory-unbounded.js';
import { writableRootFilesystem } from './k8s/writable-root-filesystem.js';
import { bentomlVersionVulnerable } from './ml/bentoml-version-vulnerable.js';
import { mlflowServerUnauthenticated } from './ml/mlflow-server-unauthenticated.js';
import { mlflowSecurityMiddlewareDisabled } from './ml/mlflow-security-middleware-disabled.js';
import { mlflowVersionVulnerable } from './ml/mlflow-version-vulnerable.js';
import { modelArtifactUnsafeFormat } from './ml/model-artifact-unsafe-format.js';
import { modelDownloadInsecureChannel } from './ml/model-download-insecure-channel.js';
import { modelServerImageUnpinned } from './ml/model-server-image-unpinned.js';
import { ollamaApiExposedWithoutAuth } from './ml/ollama-api-exposed-without-auth.js';
import { ollamaVersionVulnerable } from './ml/ollama-version-vulnerable.js';
import { nimExposedWithoutAuth } from './ml/nim-exposed-without-auth.js';
import { rayClientGcsPublished } from './ml/ray-client-gcs-published.js';
import { rayDashboardExposed } from './ml/ray-dashboard-exposed.js';
import { rayRuntimeEnvUnpinned } from './ml/ray-runtime-env-unpinned.js';
import { rayTokenAuthDisabled } from './ml/ray-token-auth-disabled.js';
import { rayVersionVulnerable } from './ml/ray-version-vulnerable.js';
import { seldonEndpointExposedWithoutAuth } from './ml/seldon-endpoint-exposed-without-auth.js';
import { kserveInferenceServicePublished } from './ml/kserve-inference-service-published.js';
import { odhModelRouteWithoutAuth } from './ml/odh-model-route-without-auth.js';
import { inferenceLoggerSinkInsecure } from './ml/inference-logger-sink-insecure.js';
import { servingRuntimeInsecureContainer } from './ml/serving-runtime-insecure-container.js';
import { inferenceGraphExternalStep } from './ml/inference-graph-external-step.js';
import { debugEndpointsEnabled } from './ml/debug-endpoints-enabled.js';
import { distributedInferencePortsExposed } from './ml/distributed-inference-ports-exposed.js';
import { inferenceApiKeyInline } from './ml/inference-api-key-inline.js';
import { llmBuiltinCodeToolsEnabled } from './ml/llm-builtin-code-tools-enabled.js';
import { modelServerCorsAnyOrigin } from './ml/model-server-cors-any-origin.js';
import { modelServerMetricsPublished } from './ml/model-server-metrics-published.js';
import { remoteCodeTrustedUnpinned } from './ml/remote-code-trusted-unpinned.js';
import { runtimeLoraLoadingEnabled } from './ml/runtime-lora-loading-enabled.js';
import { servedModelReferenceMutable } from './ml/served-model-reference-mutable.js';
import { torchserveGrpcPortsPublished } from './ml/torchserve-grpc-ports-published.js';
import { torchserveImageUnmaintained } from './ml/torchserve-image-unmaintained.js';
import { torchserveManagementApiExposed } from './ml/torchserve-management-api-exposed.js';
import { tritonDebugApisUnrestricted } from './ml/triton-debug-apis-unrestricted.js';
import { tritonGrpcWithoutTls } from './ml/triton-grpc-without-tls.js';
import { tritonModelControlUnrestricted } from './ml/triton-model-control-unrestricted.js';
import { tritonRepositoryWritable } from './ml/triton-repository-writable.js';
import { tfServingConfigReloadExposed } from './ml/tf-serving-config-reload-exposed.js';
import { tritonVersionVulnerable } from './ml/triton-version-vulnerable.js';
import { torchserveModelApiEnabled } from './ml/torchserve-model-api-enabled.js';
import { torchserveModelUrlUnrestricted } from './ml/torchserve-model-url-unrestricted.js';
import { torchserveTokenAuthDisabled } from './ml/torchserve-token-auth-disabled.js';
import { tgiNgrokTunnelEnabled } from './ml/tgi-ngrok-tunnel-enabled.js';
import { llmTelemetryEnabledForRegulatedWorkload } from './ml/llm-telemetry-enabled-for-regulated-workload.js';
import { tgiExposedWithoutApiKey } from './ml/tgi-exposed-without-api-key.js';
import { vllmDevModeEnabled } from './ml/vllm-dev-mode-enabled.js';
import { vllmLocalMediaPathAllowed } from './ml/vllm-local-media-path-allowed.js';
import { vllmMediaFetchUnrestricted } from './ml/vllm-media-fetch-unrestricted.js';
import { vllmExposedWithoutPathAllowlist } from './ml/vllm-exposed-without-path-allowlist.js';

/** Every built-in rule, sorted by id. Explicit on purpose: nothing registers itself on import. */
export const RULES: readonly Rule[] = [
  sagemakerModelNotIsolated,
  sagemakerModelNotInVpc,
  sagemakerEndpointStorageWithoutCmk,
  sagemakerDataCaptureWithoutCmk,
  sagemakerAsyncOutputWithoutCmk,
  sagemakerEndpointSsmAccess,
  sagemakerEnvSecretOrRemoteCode,
  sagemakerImageNotPinned,
  sagemakerNotebookDirectInternet,
  sagemakerNotebookRootAccess,
  sagemakerNotebookWithoutCmkOrImdsv1,
  sagemakerDomainPublicInternet,
  sagemakerDomainWithoutCmk,
  sagemakerModelPackageGroupPublic,
  bedrockInvocationLoggingAbsent,
  modelBucketPublic,
  modelBucketWithoutCmkOrVersioning,
  irsaRoleTrustUnbound,
  servingRoleWildcardAction,
  servingRoleBroadManagedPolicy,
  passroleUnrestricted,
  writeOnAnyResource,
  roleTrustTooBroad,
  eksEndpointPublic,
  eksSecretsUnencrypted,
  eksAuditLoggingOff,
  modelImageRepoMutable,
  modelBucketAccessLoggingOff,
  mlWorkspacePublicNetwork,
  mlWorkspaceWithoutCmk,
  mlWorkspaceInternetEgress,
  mlComputeInstancePublicIp,
  mlComputeInstanceLocalAuth,
  mlComputeClusterPublicAccess,
  mlComputeClusterLocalAuth,
  onlineEndpointKeyAuth,
  onlineEndpointPublic,
  onlineDeploymentPublicEgress,
  serverlessComputePublicIp,
  modelStorageAnonymousAccess,
  aksNetworkPolicyOff,
  aksLocalAccounts,
  aksEndpointPublic,
  servingIdentityOwner,
  vertexEndpointPublic,
  vertexEndpointWithoutCmek,
  vectorSearchEndpointPublic,
  workbenchPublicIp,
  legacyNotebookPublicIp,
  notebookPrivilegedServiceAccount,
  vertexDataStoreWithoutCmek,
  modelBucketPublicAccessNotPrevented,
  modelBucketPublicIam,
  workloadIdentityGrantTooBroad,
  servingSaBasicRole,
  gkeNetworkPolicyUnenforced,
  gkeWorkloadIdentityOff,
  gkeEndpointPublic,
  internetReachableControlPlane,
  servingIdentityModelStorageAccess,
  modelPodsNotIsolated,
  canaryPostureWeaker,
  ssrfReachesMetadataCredentials,
  liveModelPublicStorage,
  rayClusterCarriesCredentials,
  interactiveIdentityServesModels,
  sharedWritableModelCache,
  inferenceCaptureSinkWeaker,
  servingAccountDangerousRbac,
  servedModelFromUnauthenticatedRegistry,
  llmServerExposedWithoutRateLimit,
  privilegedGpuContainer,
  nvidiaHostPathMounted,
  gpuVisibilityWithoutRequest,
  gpuStackTrustsVisibleDevicesEnv,
  nvidiaContainerToolkitVulnerable,
  gpuPodHostIpc,
  sharedMemoryUnbounded,
  modelPodHostNetwork,
  gpuPodBroadCapability,
  modelServerRunsAsRoot,
  modelPodDefaultServiceAccount,
  modelVolumeWritable,
  modelHubTokenInline,
  modelServerLoadBalancerUnrestricted,
  modelServerRouteWithoutTls,
  modelServerEgressUnrestricted,
  gpuSharingAcrossTenants,
  privilegedContainer,
  privilegeEscalationAllowed,
  runsAsRoot,
  capabilitiesNotDropped,
  dangerousCapabilityAdded,
  writableRootFilesystem,
  seccompNotEnforced,
  hostNamespaceShared,
  hostPathMounted,
  hostPortBound,
  resourceLimitsMissing,
  resourceRequestsMissing,
  imageNotPinned,
  probesMissing,
  serviceAccountTokenMounted,
  defaultNamespaceUsed,
  secretLiteralInEnv,
  serviceExposedExternally,
  ingressWithoutTls,
  ingressWithoutRateLimit,
  rbacWildcard,
  rbacDangerousPermission,
  clusterAdminBound,
  podSecurityNotEnforced,
  namespaceWithoutDefaultDeny,
  schemaInvalidField,
  torchserveManagementApiExposed,
  torchserveModelUrlUnrestricted,
  torchserveTokenAuthDisabled,
  torchserveModelApiEnabled,
  torchserveGrpcPortsPublished,
  torchserveImageUnmaintained,
  modelServerCorsAnyOrigin,
  tritonModelControlUnrestricted,
  tritonRepositoryWritable,
  tritonDebugApisUnrestricted,
  tritonVersionVulnerable,
  tritonGrpcWithoutTls,
  modelServerMetricsPublished,
  tfServingConfigReloadExposed,
  remoteCodeTrustedUnpinned,
  vllmExposedWithoutPathAllowlist,
  vllmDevModeEnabled,
  vllmLocalMediaPathAllowed,
  vllmMediaFetchUnrestricted,
  runtimeLoraLoadingEnabled,
  inferenceApiKeyInline,
  distributedInferencePortsExposed,
  llmBuiltinCodeToolsEnabled,
  debugEndpointsEnabled,
  tgiExposedWithoutApiKey,
  tgiNgrokTunnelEnabled,
  llmTelemetryEnabledForRegulatedWorkload,
  ollamaApiExposedWithoutAuth,
  ollamaVersionVulnerable,
  rayDashboardExposed,
  rayTokenAuthDisabled,
  rayClientGcsPublished,
  rayVersionVulnerable,
  rayRuntimeEnvUnpinned,
  mlflowServerUnauthenticated,
  mlflowSecurityMiddlewareDisabled,
  mlflowVersionVulnerable,
  bentomlVersionVulnerable,
  nimExposedWithoutAuth,
  seldonEndpointExposedWithoutAuth,
  kserveInferenceServicePublished,
  odhModelRouteWithoutAuth,
  modelDownloadInsecureChannel,
  servedModelReferenceMutable,
  inferenceLoggerSinkInsecure,
  servingRuntimeInsecureContainer,
  inferenceGraphExternalStep,
  modelArtifactUnsafeFormat,
  modelServerImageUnpinned,
];
