subscription_id            = "00000000-0000-0000-0000-000000000000"
environment                = "prod"
model_version              = "3"
instance_count             = 2
private_endpoint_subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-network-prod/providers/Microsoft.Network/virtualNetworks/vnet-apps-prod/subnets/snet-private-endpoints"
private_dns_zone_ids = [
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns-prod/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms",
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns-prod/providers/Microsoft.Network/privateDnsZones/privatelink.notebooks.azure.net",
]
