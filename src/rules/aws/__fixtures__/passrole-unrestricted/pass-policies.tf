variable "role_arn" {
  type = string
}

resource "aws_iam_policy" "deployer" {
  name = "model-deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["sagemaker:CreateModel"], Resource = "*" },
      # Restricted to one service: a condition makes the statement "maybe".
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*", Condition = { StringEquals = { "iam:PassedToService" = "sagemaker.amazonaws.com" } } },
      # One role, or a role from an unresolved variable.
      { Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::123456789012:role/scorer" },
      { Effect = "Allow", Action = "iam:PassRole", Resource = var.role_arn },
      # Denied, or not an iam action at all.
      { Effect = "Allow", Action = "iam:Get*", Resource = "*" },
    ]
  })
}

resource "aws_iam_role_policy" "denied" {
  role = "pipeline"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" },
      { Effect = "Deny", Action = "iam:PassRole", Resource = "*" },
    ]
  })
}

# A bucket policy is no identity policy.
resource "aws_s3_bucket_policy" "models" {
  bucket = "models"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "iam:PassRole", Resource = "*" }] })
}
