locals {
  logs_bucket_name = "${local.name}-logs-${local.account_id}"
}

data "aws_elb_service_account" "this" {}

data "aws_iam_policy_document" "logs_bucket" {
  statement {
    sid       = "AlbAccessLogs"
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::${local.logs_bucket_name}/alb/*"]

    principals {
      type        = "AWS"
      identifiers = [data.aws_elb_service_account.this.arn]
    }
  }

  # The management-event trail (audit.tf) checks the bucket's ACL, then writes under cloudtrail/.
  statement {
    sid       = "CloudTrailChecksAcl"
    actions   = ["s3:GetBucketAcl"]
    resources = ["arn:aws:s3:::${local.logs_bucket_name}"]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [local.trail_arn]
    }
  }

  statement {
    sid       = "CloudTrailWrites"
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::${local.logs_bucket_name}/cloudtrail/AWSLogs/${local.account_id}/*"]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "s3:x-amz-acl"
      values   = ["bucket-owner-full-control"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [local.trail_arn]
    }
  }
}

# Access logs of the ALB and CloudFront. SSE-S3, because ALB log delivery cannot write SSE-KMS objects;
# ACLs enabled (BucketOwnerPreferred) because CloudFront standard logging grants itself access by ACL.
module "logs_bucket" {
  source = "../../modules/s3-bucket"

  name                   = local.logs_bucket_name
  object_ownership       = "BucketOwnerPreferred"
  expire_after_days      = 365
  policy_statements_json = data.aws_iam_policy_document.logs_bucket.json
}

data "aws_iam_policy_document" "assets_bucket" {
  statement {
    sid       = "CloudFrontReadsAssets"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${local.name}-assets-${local.account_id}/*"]

    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [module.cloudfront.arn]
    }
  }
}

# Media served under /assets/* through CloudFront origin access control. SSE-S3: OAC reads SSE-KMS objects only
# with a key policy for CloudFront, which would open the data key to it.
module "assets_bucket" {
  source = "../../modules/s3-bucket"

  name                   = "${local.name}-assets-${local.account_id}"
  policy_statements_json = data.aws_iam_policy_document.assets_bucket.json
}
