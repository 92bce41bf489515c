resource "aws_ecr_repository" "vllm" {
  name                 = "vllm/vllm-openai"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "web" {
  name = "web-frontend"
}
