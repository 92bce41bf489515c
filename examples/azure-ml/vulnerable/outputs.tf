output "workspace_id" {
  value = azurerm_machine_learning_workspace.ml.id
}

output "scoring_uri" {
  value = module.endpoint.scoring_uri
}
