# The one root of the workload accounts: stg and prod apply this same configuration with their own backend
# (<env>.s3.tfbackend) and values (<env>.tfvars), so the two cannot drift (ADR 1501).
module "workload" {
  source = "../../stacks/workload"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
    aws.chatbot   = aws.chatbot
  }

  env               = var.env
  repository        = var.repository
  shared_account_id = var.shared_account_id
  state_bucket      = "kurashi-${var.env}-tfstate"
  state_key         = "envs/${var.env}/terraform.tfstate"

  availability_zones = ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"]
  vpc_cidr_block     = var.vpc_cidr_block
  single_nat_gateway = var.sizes.single_nat_gateway

  domain_name           = var.domain_name
  mail_domain           = var.mail_domain
  hosted_zone_id        = var.hosted_zone_id
  cognito_domain_prefix = var.cognito_domain_prefix
  mobile_callback_urls  = var.mobile_callback_urls
  staff_callback_urls   = var.staff_callback_urls
  slack_team_id         = var.slack_team_id
  slack_channel_id      = var.slack_channel_id

  aurora_instance_class            = var.sizes.aurora_instance_class
  opensearch_instance_type         = var.sizes.opensearch_instance_type
  opensearch_dedicated_master_type = var.sizes.opensearch_dedicated_master_type
  shop_app_max_tasks               = var.sizes.shop_app_max_tasks
  queue_worker_max_tasks           = var.sizes.queue_worker_max_tasks
  waf_count_mode_rules             = var.waf_count_mode_rules
  manage_autoscaling               = var.manage_autoscaling
  deletion_protection              = var.sizes.deletion_protection
}
