locals {
  name         = "kurashi-shared"
  repositories = ["kurashi/shop-app", "kurashi/queue-worker", "kurashi/batch-worker"]
}

module "ecr" {
  source = "../../modules/ecr"

  repositories     = toset(local.repositories)
  pull_account_ids = var.workload_account_ids
}

module "kms_platform" {
  source = "../../modules/kms"

  name               = "${local.name}-platform"
  description        = "Kurashi shared: the alerts topic"
  service_principals = ["cloudwatch.amazonaws.com", "events.amazonaws.com"]
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

module "guardduty" {
  source = "../../modules/guardduty"

  alert_topic_arn = module.alerts.topic_arn
}

# The deploy workflow builds on main and pushes to these repositories; pushing is all this role can do.
data "aws_iam_policy_document" "image_push" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushImages"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:InitiateLayerUpload",
      "ecr:UploadLayerPart",
      "ecr:CompleteLayerUpload",
      "ecr:PutImage",
      "ecr:BatchGetImage",
      "ecr:DescribeImages",
    ]
    resources = values(module.ecr.repository_arns)
  }
}

data "aws_iam_policy_document" "terraform_plan_state" {
  statement {
    sid       = "ReadState"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::kurashi-shared-tfstate", "arn:aws:s3:::kurashi-shared-tfstate/envs/shared/terraform.tfstate"]
  }

  statement {
    sid       = "StateLock"
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = ["arn:aws:s3:::kurashi-shared-tfstate/envs/shared/terraform.tfstate.tflock"]
  }
}

module "github_oidc" {
  source = "../../modules/github-oidc"

  name_prefix = local.name
  repository  = var.repository
  roles = {
    image-push = {
      subjects    = ["ref:refs/heads/main"]
      policy_json = data.aws_iam_policy_document.image_push.json
    }
    terraform-plan = {
      subjects            = ["pull_request"]
      policy_json         = data.aws_iam_policy_document.terraform_plan_state.json
      managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
    }
    terraform-apply = {
      subjects            = ["environment:shared"]
      managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
    }
  }
}
