# The deployer role may create SageMaker models and endpoints (inline policy) and pass any role (attached policy).
resource "aws_iam_role" "deployer" {
  name               = "model-deployer"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }] })
}

resource "aws_iam_role_policy" "create" {
  role   = aws_iam_role.deployer.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["sagemaker:CreateModel", "sagemaker:CreateEndpoint*"], Resource = "*" }] })
}

resource "aws_iam_policy" "pass" {
  name   = "pass-any-role"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }] })
}

resource "aws_iam_role_policy_attachment" "pass" {
  role       = aws_iam_role.deployer.name
  policy_arn = aws_iam_policy.pass.arn
}

# The CI user may pass any role; its RunInstances grant is cancelled by a Deny of another of its policies.
resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_user_policy" "ci_run" {
  user   = aws_iam_user.ci.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "ec2:RunInstances", Resource = "*" }] })
}

resource "aws_iam_user_policy" "ci_deny" {
  user   = aws_iam_user.ci.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "ec2:RunInstances", Resource = "*" }] })
}

resource "aws_iam_policy" "ci_pass" {
  name   = "ci-pass"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }] })
}

resource "aws_iam_policy_attachment" "ci_pass" {
  name       = "ci-pass"
  users      = [aws_iam_user.ci.name]
  policy_arn = aws_iam_policy.ci_pass.arn
}
