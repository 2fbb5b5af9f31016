locals {
  trail_name = "${local.name}-management-events"
  trail_arn  = "arn:aws:cloudtrail:${local.region}:${local.account_id}:trail/${local.trail_name}"
}

# EventBridge sees "AWS API Call via CloudTrail" events only while a trail records them: the bastion's session
# announcements (ECS ExecuteCommand, SSM StartSession) are such events. Write management events of every
# region, into the logs bucket under cloudtrail/.
resource "aws_cloudtrail" "management" {
  name                          = local.trail_name
  s3_bucket_name                = module.logs_bucket.id
  s3_key_prefix                 = "cloudtrail"
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_log_file_validation    = true

  event_selector {
    read_write_type           = "WriteOnly"
    include_management_events = true
  }

  # The bucket policy must let CloudTrail write before the trail is created.
  depends_on = [module.logs_bucket]
}
