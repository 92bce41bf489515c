import { defineRule } from '../define-rule.js';

export const mlComputeInstanceLocalAuth = defineRule({
  meta: {
    id: 'IG-AZ-005',
    name: 'ml-compute-instance-local-auth',
    title: 'Compute instance allows local authentication',
    severity: 'medium',
    rationale:
      'With local authentication (the provider default, `local_auth_enabled = true`) a compute instance accepts its own keys and local accounts besides Microsoft Entra ID: credentials that do not expire with the user, are not covered by Conditional Access or MFA, and are not revoked when the user leaves. Whoever holds them reaches the workspace identity, the mounted datastores and the models on the instance.',
    remediation:
      'Set `local_auth_enabled = false` on the `azurerm_machine_learning_compute_instance` so that only Entra ID authenticates, and `authorization_type = "personal"` with `assign_to_user` for single-user instances. The attribute forces a new instance.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_compute_instance#local_auth_enabled-1',
      'https://learn.microsoft.com/en-us/azure/machine-learning/how-to-integrate-azure-policy',
    ],
    mappings: { stride: ['S'], atlas: ['AML.T0012'], nist: ['IA-2'] },
    targets: ['tf:azurerm_machine_learning_compute_instance'],
    fix: 'none',
    messages: {
      notSet: "Compute instance '{{address}}' does not set `local_auth_enabled`, which defaults to true: it accepts local credentials besides Entra ID.",
      enabled: "Compute instance '{{address}}' sets `local_auth_enabled = true`: it accepts local credentials besides Entra ID.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "azurerm_machine_learning_compute_instance" "notebook" {
  name                          = "alice-gpu"
  machine_learning_workspace_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/scoring"
  virtual_machine_size          = "Standard_NC6s_v3"
  local_auth_enabled            = true
}
`,
      good: `resource "azurerm_machine_learning_compute_instance" "notebook" {
  name                          = "alice-gpu"
  machine_learning_workspace_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/scoring"
  virtual_machine_size          = "Standard_NC6s_v3"
  local_auth_enabled            = false
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:azurerm_machine_learning_compute_instance' || resource.mode !== 'managed') return;
        const localAuth = resource.root.get('local_auth_enabled');
        if (localAuth.isTrue()) context.report({ messageId: 'enabled', data: { address: resource.address }, at: localAuth });
        else if (!localAuth.isWritten()) context.report({ messageId: 'notSet', data: { address: resource.address }, at: resource });
      },
    };
  },
});
