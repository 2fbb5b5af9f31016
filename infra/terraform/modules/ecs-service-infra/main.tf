data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  # Roles and security group are account-wide names; the service (ecspresso's) is named after the app inside
  # the environment's cluster.
  name = "${var.name_prefix}-${var.service}"
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/${var.name_prefix}/${var.service}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn

  tags = { Service = var.service }
}

resource "aws_security_group" "this" {
  name        = local.name
  description = "${var.service} tasks"
  vpc_id      = var.vpc_id

  tags = { Name = local.name, Service = var.service }
}

resource "aws_vpc_security_group_ingress_rule" "load_balancer" {
  count = var.load_balancer == null ? 0 : 1

  security_group_id            = aws_security_group.this.id
  description                  = "From the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = var.load_balancer.container_port
  to_port                      = var.load_balancer.container_port
  referenced_security_group_id = var.load_balancer.security_group_id
}

# Tasks call AWS APIs (endpoints), Aurora, OpenSearch, Cognito, Gunfish and FCM; all outbound, nothing inbound.
resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_security_group.this.id
  description       = "Outbound"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "task" {
  name               = "${local.name}-task"
  description        = "What ${var.service} itself may do"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  tags = { Service = var.service }
}

resource "aws_iam_role_policy" "task" {
  name   = "app"
  role   = aws_iam_role.task.id
  policy = var.task_policy_json
}

# The OpenTelemetry collector sidecar exports traces to X-Ray and metrics as EMF into the service's log group.
data "aws_iam_policy_document" "telemetry" {
  statement {
    sid = "XRayHasNoResourceLevelPermissions"
    actions = [
      "xray:PutTraceSegments",
      "xray:PutTelemetryRecords",
      "xray:GetSamplingRules",
      "xray:GetSamplingTargets",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "EmbeddedMetrics"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }
}

resource "aws_iam_role_policy" "telemetry" {
  name   = "telemetry"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.telemetry.json
}

resource "aws_iam_role" "execution" {
  name               = "${local.name}-execution"
  description        = "What ECS may do to start ${var.service}: pull its images, write its logs, inject its secrets"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  tags = { Service = var.service }
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid       = "PullImages"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = var.image_repository_arns
  }

  # GuardDuty Runtime Monitoring (ECS_FARGATE_AGENT_MANAGEMENT) adds its agent as a sidecar to every task, and
  # ECS pulls it with this role from GuardDuty's repository, which an AWS-owned account holds in each region.
  statement {
    sid       = "PullGuardDutyAgent"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = ["arn:aws:ecr:${data.aws_region.current.name}:*:repository/aws-guardduty-agent-fargate"]
  }

  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }

  dynamic "statement" {
    for_each = length(var.execution_secret_arns) > 0 ? [1] : []

    content {
      sid       = "InjectSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = var.execution_secret_arns
    }
  }

  dynamic "statement" {
    for_each = length(var.execution_secret_arns) > 0 ? [1] : []

    content {
      sid       = "DecryptSecrets"
      actions   = ["kms:Decrypt"]
      resources = [var.secrets_kms_key_arn]
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "start-task"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

# ecspresso creates and deploys the service (infra/ecspresso/<service>/ecs-service-def.json); autoscaling
# addresses it by name. Registering a scalable target fails while the service does not exist, hence
# manage_autoscaling = false for the first apply of a new environment.
resource "aws_appautoscaling_target" "this" {
  count = var.manage_autoscaling && var.scaling != "none" ? 1 : 0

  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${var.cluster_name}/${var.service}"
  min_capacity       = var.min_capacity
  max_capacity       = var.max_capacity
}

resource "aws_appautoscaling_policy" "cpu" {
  count = var.manage_autoscaling && var.scaling == "cpu_and_requests" ? 1 : 0

  name               = "${local.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[0].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[0].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[0].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "requests" {
  count = var.manage_autoscaling && var.scaling == "cpu_and_requests" ? 1 : 0

  name               = "${local.name}-requests"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[0].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[0].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[0].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.requests_per_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = var.request_count_resource_label
    }
  }
}

# Backlog per task: the visible messages of all consumed queues divided by the running tasks (metric math).
resource "aws_appautoscaling_policy" "backlog" {
  count = var.manage_autoscaling && var.scaling == "sqs_backlog" ? 1 : 0

  name               = "${local.name}-backlog"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[0].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[0].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[0].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.backlog_per_task
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    customized_metric_specification {
      dynamic "metrics" {
        for_each = var.scaling_queue_names

        content {
          id          = "q${metrics.key}"
          label       = "Visible messages in ${metrics.value}"
          return_data = false

          metric_stat {
            stat = "Sum"

            metric {
              namespace   = "AWS/SQS"
              metric_name = "ApproximateNumberOfMessagesVisible"

              dimensions {
                name  = "QueueName"
                value = metrics.value
              }
            }
          }
        }
      }

      metrics {
        id          = "tasks"
        label       = "Running tasks"
        return_data = false

        metric_stat {
          stat = "Average"

          metric {
            namespace   = "ECS/ContainerInsights"
            metric_name = "RunningTaskCount"

            dimensions {
              name  = "ClusterName"
              value = var.cluster_name
            }

            dimensions {
              name  = "ServiceName"
              value = var.service
            }
          }
        }
      }

      metrics {
        id          = "backlog"
        label       = "Visible messages per task"
        expression  = "(${join(" + ", [for index, queue in var.scaling_queue_names : "q${index}"])}) / tasks"
        return_data = true
      }
    }
  }
}
