# The execution role of a SageMaker model: what the inference container runs as.

variable "name" {
  type = string
}

variable "model_bucket" {
  description = "Name of the bucket the model artifacts are read from."
  type        = string
}

locals {
  bucket_arn = "arn:aws:s3:::${var.model_bucket}"
}

resource "aws_iam_role" "this" {
  name = "${var.name}-sagemaker-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "sagemaker.amazonaws.com" }
    }]
  })
}

# "Just make it work": the console's default for SageMaker execution roles.
resource "aws_iam_role_policy_attachment" "sagemaker_full_access" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
}

# The container re-registers new model versions itself (an "auto-redeploy" hook in inference.py).
data "aws_iam_policy_document" "serving" {
  statement {
    sid       = "ModelBucket"
    actions   = ["s3:*"]
    resources = [local.bucket_arn, "${local.bucket_arn}/*"]
  }

  statement {
    sid       = "Redeploy"
    actions   = ["sagemaker:CreateModel", "sagemaker:CreateEndpointConfig", "sagemaker:UpdateEndpoint"]
    resources = ["*"]
  }

  statement {
    sid       = "PassExecutionRole"
    actions   = ["iam:PassRole"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "serving" {
  name   = "model-serving"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.serving.json
}

output "arn" {
  value = aws_iam_role.this.arn
}

output "name" {
  value = aws_iam_role.this.name
}
