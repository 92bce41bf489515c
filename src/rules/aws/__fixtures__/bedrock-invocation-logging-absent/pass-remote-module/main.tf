resource "aws_bedrockagent_knowledge_base" "docs" {
  name     = "product-docs"
  role_arn = "arn:aws:iam::123456789012:role/bedrock-kb"
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn    = "arn:aws:aoss:us-east-1:123456789012:collection/docs"
      vector_index_name = "docs"
      field_mapping {
        vector_field   = "embedding"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}

# Not downloaded (no .terraform/modules): it may configure invocation logging.
module "bedrock_platform" {
  source  = "acme/bedrock-platform/aws"
  version = "2.3.0"
}
