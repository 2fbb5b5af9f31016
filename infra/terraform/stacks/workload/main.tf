data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  name       = "kurashi-${var.env}"
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name

  services = ["shop-app", "queue-worker", "batch-worker"]
  # Images are built once into the shared account's repositories and promoted from stg to prod.
  image_repository_arns = {
    for service in local.services : service => format("arn:aws:ecr:%s:%s:repository/kurashi/%s", local.region, var.shared_account_id, service)
  }
}

module "network" {
  source = "../../modules/network"

  name               = local.name
  cidr_block         = var.vpc_cidr_block
  availability_zones = var.availability_zones
  single_nat_gateway = var.single_nat_gateway
}

# Data at rest of the apps: Aurora, Performance Insights, secrets, OpenSearch, ECS Exec sessions.
module "kms_data" {
  source = "../../modules/kms"

  name        = "${local.name}-data"
  description = "Kurashi ${var.env}: Aurora, secrets, OpenSearch, ECS Exec sessions"
}

# Operational data: log groups and the alerts topic, written by AWS services on the account's behalf.
module "kms_platform" {
  source = "../../modules/kms"

  name        = "${local.name}-platform"
  description = "Kurashi ${var.env}: CloudWatch log groups and the alerts topic"
  service_principals = [
    "logs.${local.region}.amazonaws.com",
    "cloudwatch.amazonaws.com",
    "events.amazonaws.com",
  ]
}

module "alerts" {
  source = "../../modules/alerts"
  providers = {
    aws         = aws
    aws.chatbot = aws.chatbot
  }

  name             = "${local.name}-alerts"
  kms_key_arn      = module.kms_platform.key_arn
  slack_team_id    = var.slack_team_id
  slack_channel_id = var.slack_channel_id
}

module "monitoring" {
  source = "../../modules/monitoring"

  name             = local.name
  kms_key_arn      = module.kms_platform.key_arn
  alert_topic_arn  = module.alerts.topic_arn
  runbook_base_url = "https://github.com/${var.repository}/blob/main/"
}

module "guardduty" {
  source = "../../modules/guardduty"

  alert_topic_arn = module.alerts.topic_arn
}

# A VPC OpenSearch domain needs the service-linked role; it is account-wide.
resource "aws_iam_service_linked_role" "opensearch" {
  aws_service_name = "opensearchservice.amazonaws.com"
}
