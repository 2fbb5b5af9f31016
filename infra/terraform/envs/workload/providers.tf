locals {
  default_tags = {
    Project     = "kurashi"
    Environment = var.env
    Service     = "platform"
    ManagedBy   = "terraform"
    Repository  = var.repository
  }
}

provider "aws" {
  region              = "ap-northeast-1"
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = local.default_tags
  }
}

# CloudFront certificates and the CLOUDFRONT-scoped WAF live in us-east-1.
provider "aws" {
  alias               = "us_east_1"
  region              = "us-east-1"
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = local.default_tags
  }
}

# The dashboards' Grafana workspace (modules/monitoring); the token is a Grafana service account's, kept in the
# grafana-token secret and passed as TF_VAR_grafana_token by the Terraform workflow.
provider "grafana" {
  url  = "https://${module.workload.grafana_endpoint}"
  auth = var.grafana_token
}

# AWS Chatbot has no API in ap-northeast-1; its Slack configuration is created through the nearest region
# that has one (us-east-2, us-west-2, eu-west-1, ap-southeast-1).
provider "aws" {
  alias               = "chatbot"
  region              = "ap-southeast-1"
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = local.default_tags
  }
}
