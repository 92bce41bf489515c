variable "extra_actions" {
  type = list(string)
}

# Not a serving identity: no model runs as it.
resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }] })
}

resource "aws_iam_role_policy" "ci" {
  role   = aws_iam_role.ci.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}

resource "aws_iam_role" "scorer" {
  name               = "scorer"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_iam_role_policy" "scoped" {
  role = aws_iam_role.scorer.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # Listed actions, and a pattern that is not a whole service.
      { Effect = "Allow", Action = ["s3:GetObject", "s3:Get*", "ecr:BatchGetImage"], Resource = "arn:aws:s3:::models/scorer/*" },
      # A condition cannot be evaluated statically: maybe, never allow.
      { Effect = "Allow", Action = "cloudwatch:*", Resource = "*", Condition = { StringEquals = { "aws:RequestedRegion" = "eu-west-1" } } },
      # Denied for every resource by the Deny below.
      { Effect = "Allow", Action = "kms:*", Resource = "*" },
      { Effect = "Deny", Action = "kms:*", Resource = "*" },
      # Decided by an unresolved variable.
      { Effect = "Allow", Action = var.extra_actions, Resource = "*" },
    ]
  })
}

resource "aws_sagemaker_model" "scorer" {
  name                     = "scorer"
  execution_role_arn       = aws_iam_role.scorer.arn
  enable_network_isolation = true
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
  }
}
