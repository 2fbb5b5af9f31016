module "workload" {
  source = "../../stacks/workload"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
    aws.chatbot   = aws.chatbot
  }

  env               = "stg"
  repository        = var.repository
  shared_account_id = var.shared_account_id
  state_bucket      = "kurashi-stg-tfstate"
  state_key         = "envs/stg/terraform.tfstate"

  availability_zones = ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"]
  vpc_cidr_block     = "10.10.0.0/16"
  single_nat_gateway = true

  domain_name           = var.domain_name
  mail_domain           = var.mail_domain
  hosted_zone_id        = var.hosted_zone_id
  cognito_domain_prefix = "kurashi-stg"
  mobile_callback_urls  = var.mobile_callback_urls
  staff_callback_urls   = var.staff_callback_urls
  slack_team_id         = var.slack_team_id
  slack_channel_id      = var.slack_channel_id

  aurora_instance_class    = "db.r7g.large"
  opensearch_instance_type = "r7g.medium.search"
  shop_app_max_tasks       = 4
  queue_worker_max_tasks   = 4
  waf_count_mode_rules     = var.waf_count_mode_rules
  manage_autoscaling       = var.manage_autoscaling
  deletion_protection      = false
}
