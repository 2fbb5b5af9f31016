env                   = "stg"
vpc_cidr_block        = "10.10.0.0/16"
cognito_domain_prefix = "kurashi-stg"
sizes = {
  single_nat_gateway               = true
  aurora_instance_class            = "db.r7g.large"
  opensearch_instance_type         = "r7g.medium.search"
  opensearch_dedicated_master_type = null
  shop_app_max_tasks               = 4
  queue_worker_max_tasks           = 4
  deletion_protection              = false
}

# Placeholders for the values of the real accounts, workspace and zone: replace them when adopting Kurashi.
account_id           = "111111111111"
shared_account_id    = "333333333333"
repository           = "kurashi-dev/kurashi"
domain_name          = "stg.shop.kurashi.example"
mail_domain          = "stg.mail.kurashi.example"
hosted_zone_id       = "Z0000000000000000STG"
slack_team_id        = "T00000000"
slack_channel_id     = "C0000STG0"
mobile_callback_urls = ["dev.kurashi.app.stg://auth/callback"]
staff_callback_urls  = ["https://stg.admin.kurashi.example/callback"]
