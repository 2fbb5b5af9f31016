data "aws_caller_identity" "current" {}

resource "aws_sns_topic" "this" {
  name              = var.name
  kms_master_key_id = var.kms_key_arn
}

# A resource policy: CloudWatch alarms and EventBridge rules of this account publish to the topic.
data "aws_iam_policy_document" "topic" {
  statement {
    sid       = "AlarmsAndEventsPublish"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.this.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com", "events.amazonaws.com", "aps.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_sns_topic_policy" "this" {
  arn    = aws_sns_topic.this.arn
  policy = data.aws_iam_policy_document.topic.json
}

data "aws_iam_policy_document" "chatbot_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["chatbot.amazonaws.com"]
    }
  }
}

# Chatbot only posts notifications: read-only CloudWatch access to render alarm charts, no commands.
resource "aws_iam_role" "chatbot" {
  name               = "${var.name}-chatbot"
  description        = "AWS Chatbot posting ${var.name} to Slack"
  assume_role_policy = data.aws_iam_policy_document.chatbot_assume.json
}

resource "aws_iam_role_policy_attachment" "chatbot" {
  role       = aws_iam_role.chatbot.name
  policy_arn = "arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess"
}

# The Chatbot API exists only in us-east-2, us-west-2, eu-west-1 and ap-southeast-1: the caller passes
# aws.chatbot, a provider in one of them. The configuration still posts this region's topic.
resource "aws_chatbot_slack_channel_configuration" "this" {
  provider = aws.chatbot

  configuration_name    = var.name
  iam_role_arn          = aws_iam_role.chatbot.arn
  slack_team_id         = var.slack_team_id
  slack_channel_id      = var.slack_channel_id
  sns_topic_arns        = [aws_sns_topic.this.arn]
  guardrail_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
  logging_level         = "ERROR"
}
