# Task role policies: one per service, naming the exact ARNs it uses. Secrets the app reads itself at runtime
# (the database secret, so that rotation needs no restart; the FCM service account) are here; secrets ECS
# injects into the environment are on each service's execution role (ecs-service module).

data "aws_iam_policy_document" "shop_app_task" {
  statement {
    sid       = "DatabaseCredentials"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [module.aurora.master_user_secret_arn]
  }

  statement {
    sid       = "DecryptSecrets"
    actions   = ["kms:Decrypt"]
    resources = [module.kms_data.key_arn]
  }

  statement {
    sid       = "Search"
    actions   = ["es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost"]
    resources = ["${module.opensearch.arn}/*"]
  }

  statement {
    sid       = "Metrics"
    actions   = ["aps:RemoteWrite"]
    resources = [module.monitoring.prometheus_workspace_arn]
  }
}

data "aws_iam_policy_document" "queue_worker_task" {
  statement {
    sid     = "Secrets"
    actions = ["secretsmanager:GetSecretValue"]
    resources = [
      module.aurora.master_user_secret_arn,
      module.secrets.arns["fcm-service-account"],
    ]
  }

  statement {
    sid       = "DecryptSecrets"
    actions   = ["kms:Decrypt"]
    resources = [module.kms_data.key_arn]
  }

  # The relay sends, the consumers receive, and the DLQ redrive moves messages back from the DLQs.
  statement {
    sid = "Queues"
    actions = [
      "sqs:SendMessage",
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:GetQueueUrl",
      "sqs:GetQueueAttributes",
    ]
    resources = [
      module.search_index_queue.arn,
      module.search_index_queue.dlq_arn,
      module.notifications_queue.arn,
      module.notifications_queue.dlq_arn,
    ]
  }

  statement {
    sid       = "Search"
    actions   = ["es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost", "es:ESHttpPut", "es:ESHttpDelete"]
    resources = ["${module.opensearch.arn}/*"]
  }

  statement {
    sid       = "Mail"
    actions   = ["ses:SendEmail"]
    resources = [module.ses.identity_arn, module.ses.configuration_set_arn]
  }

  # CognitoCustomerDirectory looks a customer's e-mail address up by sub (ListUsers with a filter).
  statement {
    sid       = "CustomerAddresses"
    actions   = ["cognito-idp:ListUsers"]
    resources = [module.cognito.user_pool_arn]
  }

  statement {
    sid       = "Metrics"
    actions   = ["aps:RemoteWrite"]
    resources = [module.monitoring.prometheus_workspace_arn]
  }
}

data "aws_iam_policy_document" "batch_worker_task" {
  statement {
    sid       = "DatabaseCredentials"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [module.aurora.master_user_secret_arn]
  }

  statement {
    sid       = "DecryptSecrets"
    actions   = ["kms:Decrypt"]
    resources = [module.kms_data.key_arn]
  }

  # Full reindex: create the new index, fill it, swap the alias, delete the old one.
  statement {
    sid       = "Search"
    actions   = ["es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost", "es:ESHttpPut", "es:ESHttpDelete"]
    resources = ["${module.opensearch.arn}/*"]
  }

  statement {
    sid       = "Metrics"
    actions   = ["aps:RemoteWrite"]
    resources = [module.monitoring.prometheus_workspace_arn]
  }
}

locals {
  # The ECS services ecspresso creates in the cluster (infra/ecspresso/<service>/ecs-service-def.json).
  ecs_service_arns = [for service in concat(local.services, ["bastion"]) : format("arn:aws:ecs:%s:%s:service/%s/%s", local.region, local.account_id, module.ecs_cluster.name, service)]

  service_modules = {
    shop-app     = module.shop_app
    queue-worker = module.queue_worker
    batch-worker = module.batch_worker
  }
}

# GitHub Actions deploy (ecspresso): register task definitions (the three apps, the bastion, the migration,
# which runs with shop-app's roles), run the migration, create and update the services (ecspresso owns them).
data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "RegisterTaskDefinitionsHasNoResourceLevelPermissions"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "ReadDefinitions"
    actions   = ["ecs:DescribeTaskDefinition", "ecs:ListTaskDefinitions", "ecs:DescribeClusters", "application-autoscaling:DescribeScalableTargets", "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth"]
    resources = ["*"]
  }

  statement {
    sid       = "CreateAndUpdateServices"
    actions   = ["ecs:CreateService", "ecs:UpdateService", "ecs:DescribeServices"]
    resources = local.ecs_service_arns
  }

  # Tags in the service and task definitions need ecs:TagResource, only as part of creating them.
  statement {
    sid       = "TagOnCreate"
    actions   = ["ecs:TagResource"]
    resources = concat(local.ecs_service_arns, ["arn:aws:ecs:${local.region}:${local.account_id}:task-definition/${local.name}-*:*"])

    condition {
      test     = "StringEquals"
      variable = "ecs:CreateAction"
      values   = ["CreateService", "RegisterTaskDefinition"]
    }
  }

  statement {
    sid       = "RunMigration"
    actions   = ["ecs:RunTask"]
    resources = ["arn:aws:ecs:${local.region}:${local.account_id}:task-definition/${local.name}-migrate:*"]

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = [module.ecs_cluster.arn]
    }
  }

  statement {
    sid       = "WatchTasks"
    actions   = ["ecs:DescribeTasks", "ecs:ListTasks", "ecs:StopTask"]
    resources = ["arn:aws:ecs:${local.region}:${local.account_id}:task/${module.ecs_cluster.name}/*", module.ecs_cluster.arn]
  }

  statement {
    sid     = "PassTaskRoles"
    actions = ["iam:PassRole"]
    resources = concat(
      flatten([for service in values(local.service_modules) : [service.task_role_arn, service.execution_role_arn]]),
      [module.bastion.task_role_arn, module.bastion.execution_role_arn],
    )

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }

  statement {
    sid       = "ReadTaskLogs"
    actions   = ["logs:GetLogEvents", "logs:FilterLogEvents"]
    resources = [for service in values(local.service_modules) : format("arn:aws:logs:%s:%s:log-group:%s:*", local.region, local.account_id, service.log_group_name)]
  }

  statement {
    sid       = "TfstateLookups"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${var.state_bucket}/${var.state_key}"]
  }
}

# Plan on pull requests reads everything and takes the state lock (S3 lock file), nothing more.
data "aws_iam_policy_document" "terraform_plan_state" {
  statement {
    sid       = "ReadState"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::${var.state_bucket}", "arn:aws:s3:::${var.state_bucket}/${var.state_key}"]
  }

  statement {
    sid       = "StateLock"
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = ["arn:aws:s3:::${var.state_bucket}/${var.state_key}.tflock"]
  }
}

module "github_oidc" {
  source = "../../modules/github-oidc"

  name_prefix = local.name
  repository  = var.repository
  roles = {
    deploy = {
      subjects    = ["environment:${var.env}"]
      policy_json = data.aws_iam_policy_document.deploy.json
    }
    terraform-plan = {
      subjects            = ["pull_request"]
      policy_json         = data.aws_iam_policy_document.terraform_plan_state.json
      managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
    }
    # Applying this stack creates IAM roles, KMS keys and everything else: it needs administrator rights,
    # so its trust is the narrowest: jobs bound to the protected GitHub environment of this account.
    terraform-apply = {
      subjects            = ["environment:${var.env}"]
      managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
    }
  }
}
