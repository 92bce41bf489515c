variable "resources" {
  type = list(string)
}

resource "aws_iam_policy" "reader" {
  name = "model-reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # Read and List levels on every resource.
      { Effect = "Allow", Action = ["s3:GetObject", "s3:List*", "sagemaker:Describe*"], Resource = "*" },
      # Write, scoped.
      { Effect = "Allow", Action = ["s3:PutObject"], Resource = "arn:aws:s3:::models/scorer/*" },
      # Write on resources from an unresolved variable, or under a condition.
      { Effect = "Allow", Action = ["s3:PutObject"], Resource = var.resources },
      { Effect = "Allow", Action = ["s3:PutObject"], Resource = "*", Condition = { StringEquals = { "aws:ResourceAccount" = "123456789012" } } },
      # Taken back by a Deny.
      { Effect = "Allow", Action = ["ecr:Put*"], Resource = "*" },
      { Effect = "Deny", Action = ["ecr:*"], Resource = "*" },
    ]
  })
}

# Unattached policy documents are not granted to anyone; a trust policy grants no permissions.
data "aws_iam_policy_document" "unused" {
  statement {
    actions   = ["s3:PutObject"]
    resources = ["*"]
  }
}
