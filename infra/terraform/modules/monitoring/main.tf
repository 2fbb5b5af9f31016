# Metrics, alerts and dashboards (ADR 0901). The apps' meters reach the Prometheus workspace through each task's
# collector sidecar (OTLP in, remote write out); the rule files of infra/prometheus/rules, the same files the
# local Prometheus loads and promtool tests in ./mvnw verify, are its rule groups; Alertmanager routes by severity
# to the alerts topic, which Chatbot posts to Slack; the dashboards of ./dashboards live in Amazon Managed Grafana.

data "aws_region" "current" {}

resource "aws_prometheus_workspace" "this" {
  alias       = var.name
  kms_key_arn = var.kms_key_arn
}

resource "aws_prometheus_rule_group_namespace" "slo" {
  name         = "slo"
  workspace_id = aws_prometheus_workspace.this.id
  data         = file("${path.module}/../../../prometheus/rules/slo.rules.yml")
}

resource "aws_prometheus_rule_group_namespace" "platform" {
  name         = "platform"
  workspace_id = aws_prometheus_workspace.this.id
  data         = file("${path.module}/../../../prometheus/rules/platform.rules.yml")
}

# page and ticket both reach Slack; a page repeats every hour until resolved, a ticket once a day.
resource "aws_prometheus_alert_manager_definition" "this" {
  workspace_id = aws_prometheus_workspace.this.id
  definition = templatefile("${path.module}/alertmanager.yml.tftpl", {
    topic_arn        = var.alert_topic_arn
    region           = data.aws_region.current.name
    runbook_base_url = var.runbook_base_url
  })
}

data "aws_iam_policy_document" "grafana_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["grafana.amazonaws.com"]
    }
  }
}

# Grafana only reads: queries of this workspace.
data "aws_iam_policy_document" "grafana" {
  statement {
    sid       = "QueryPrometheus"
    actions   = ["aps:QueryMetrics", "aps:GetSeries", "aps:GetLabels", "aps:GetMetricMetadata"]
    resources = [aws_prometheus_workspace.this.arn]
  }

  statement {
    sid       = "ListWorkspaces"
    actions   = ["aps:ListWorkspaces", "aps:DescribeWorkspace"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "grafana" {
  name               = "${var.name}-grafana"
  description        = "Amazon Managed Grafana reading ${var.name}'s Prometheus workspace"
  assume_role_policy = data.aws_iam_policy_document.grafana_assume.json
}

resource "aws_iam_role_policy" "grafana" {
  name   = "query-prometheus"
  role   = aws_iam_role.grafana.id
  policy = data.aws_iam_policy_document.grafana.json
}

resource "aws_grafana_workspace" "this" {
  name                     = var.name
  description              = "Kurashi dashboards over ${aws_prometheus_workspace.this.alias}"
  account_access_type      = "CURRENT_ACCOUNT"
  authentication_providers = ["AWS_SSO"]
  permission_type          = "CUSTOMER_MANAGED"
  role_arn                 = aws_iam_role.grafana.arn
  data_sources             = ["PROMETHEUS"]
}

resource "grafana_data_source" "prometheus" {
  type       = "grafana-amazonprometheus-datasource"
  name       = "Amazon Managed Prometheus"
  url        = aws_prometheus_workspace.this.prometheus_endpoint
  is_default = true

  json_data_encoded = jsonencode({
    sigV4Auth     = true
    sigV4AuthType = "ec2_iam_role"
    sigV4Region   = data.aws_region.current.name
  })
}

# One dashboard per service (RED, saturation, queues, outbox, jobs) and one for the business.
resource "grafana_dashboard" "this" {
  for_each = fileset("${path.module}/dashboards", "*.json")

  config_json = file("${path.module}/dashboards/${each.value}")
  overwrite   = true
}
