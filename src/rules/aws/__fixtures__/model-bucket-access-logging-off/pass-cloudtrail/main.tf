resource "aws_cloudtrail" "data_events" {
  name           = "model-data-events"
  s3_bucket_name = "acme-trail"
  event_selector {
    read_write_type           = "All"
    include_management_events = true
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3:::acme-models/"]
    }
  }
}

resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = "arn:aws:iam::123456789012:role/scorer"
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://acme-models/scorer/model.tar.gz"
  }
}
