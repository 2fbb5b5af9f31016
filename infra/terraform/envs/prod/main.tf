module "workload" {
  source = "../../stacks/workload"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
    aws.chatbot   = aws.chatbot
  }

  env               = "prod"
  repository        = var.repository
  shared_account_id = var.shared_account_id
  state_bucket      = "kurashi-prod-tfstate"
  state_key         = "envs/prod/terraform.tfstate"

  availability_zones = ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"]
  vpc_cidr_block     = "10.20.0.0/16"
  single_nat_gateway = false

  domain_name           = var.domain_name
  mail_domain           = var.mail_domain
  hosted_zone_id        = var.hosted_zone_id
  cognito_domain_prefix = "kurashi"
  mobile_callback_urls  = var.mobile_callback_urls
  staff_callback_urls   = var.staff_callback_urls
  slack_team_id         = var.slack_team_id
  slack_channel_id      = var.slack_channel_id

  aurora_instance_class            = "db.r7g.xlarge"
  opensearch_instance_type         = "r7g.large.search"
  opensearch_dedicated_master_type = "m7g.large.search"
  shop_app_max_tasks               = 20
  queue_worker_max_tasks           = 10
  waf_count_mode_rules             = var.waf_count_mode_rules
  manage_autoscaling               = var.manage_autoscaling
  deletion_protection              = true
}
