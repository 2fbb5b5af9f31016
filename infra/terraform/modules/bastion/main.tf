data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  name = "${var.name_prefix}-bastion"
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/${var.name_prefix}/bastion"
  retention_in_days = 365
  kms_key_id        = var.log_kms_key_arn
}

# No inbound rule at all: the only way in is an SSM session through ECS Exec.
resource "aws_security_group" "this" {
  name        = local.name
  description = "Bastion task: no inbound, reached through SSM Session Manager only"
  vpc_id      = var.vpc_id

  tags = { Name = local.name }
}

resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_security_group.this.id
  description       = "SSM endpoints and the port-forward targets (Aurora, OpenSearch)"
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
  description        = "ECS Exec (SSM) channels of the bastion"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "task" {
  statement {
    sid = "SsmChannelsHaveNoResourceLevelPermissions"
    actions = [
      "ssmmessages:CreateControlChannel",
      "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "SessionLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${var.exec_log_group_arn}:*"]
  }

  statement {
    sid       = "FindSessionLogGroup"
    actions   = ["logs:DescribeLogGroups"]
    resources = ["*"]
  }

  statement {
    sid       = "SessionEncryption"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.exec_kms_key_arn]
  }
}

resource "aws_iam_role_policy" "task" {
  name   = "ecs-exec"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task.json
}

resource "aws_iam_role" "execution" {
  name               = "${local.name}-execution"
  description        = "Start the bastion task: pull its image, write its logs"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid       = "PullImage"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = [var.image_repository_arn]
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
}

resource "aws_iam_role_policy" "execution" {
  name   = "start-task"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

# Every ECS Exec or SSM session start (the port forward to Aurora is an SSM session on the task) is announced
# in Slack through the alerts topic, formatted as a Chatbot custom notification.
resource "aws_cloudwatch_event_rule" "session_started" {
  name        = "${local.name}-session-started"
  description = "Announce bastion sessions in Slack"

  event_pattern = jsonencode({
    source        = ["aws.ecs", "aws.ssm"]
    "detail-type" = ["AWS API Call via CloudTrail"]
    detail = {
      eventSource = ["ecs.amazonaws.com", "ssm.amazonaws.com"]
      eventName   = ["ExecuteCommand", "StartSession"]
    }
  })
}

resource "aws_cloudwatch_event_target" "session_started" {
  rule = aws_cloudwatch_event_rule.session_started.name
  arn  = var.alert_topic_arn

  input_transformer {
    input_paths = {
      who    = "$.detail.userIdentity.arn"
      action = "$.detail.eventName"
      target = "$.detail.requestParameters.target"
      task   = "$.detail.requestParameters.task"
      at     = "$.time"
    }

    input_template = <<-TEMPLATE
      {"version": "1.0", "source": "custom", "content": {"title": ":key: Bastion session started (${var.name_prefix})", "description": "<who> ran <action> on <target><task> at <at>."}}
    TEMPLATE
  }
}
