env                   = "prod"
vpc_cidr_block        = "10.20.0.0/16"
cognito_domain_prefix = "kurashi"
sizes = {
  single_nat_gateway               = false
  aurora_instance_class            = "db.r7g.xlarge"
  opensearch_instance_type         = "r7g.large.search"
  opensearch_dedicated_master_type = "m7g.large.search"
  shop_app_max_tasks               = 20
  queue_worker_max_tasks           = 10
  deletion_protection              = true
}

# Placeholders for the values of the real accounts, workspace and zone: replace them when adopting Kurashi.
account_id           = "222222222222"
shared_account_id    = "333333333333"
repository           = "kurashi-dev/kurashi"
domain_name          = "shop.kurashi.example"
mail_domain          = "mail.kurashi.example"
hosted_zone_id       = "Z00000000000000PROD0"
slack_team_id        = "T00000000"
slack_channel_id     = "C000PROD0"
mobile_callback_urls = ["dev.kurashi.app://auth/callback"]
staff_callback_urls  = ["https://admin.kurashi.example/callback"]
