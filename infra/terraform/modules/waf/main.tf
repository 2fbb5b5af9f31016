locals {
  managed_rule_groups = {
    ip_reputation    = { priority = 10, name = "AWSManagedRulesAmazonIpReputationList" }
    common           = { priority = 20, name = "AWSManagedRulesCommonRuleSet" }
    known_bad_inputs = { priority = 30, name = "AWSManagedRulesKnownBadInputsRuleSet" }
  }
}

resource "aws_wafv2_web_acl" "this" {
  name        = var.name
  description = "Kurashi storefront (CloudFront)"
  scope       = "CLOUDFRONT"

  default_action {
    allow {}
  }

  # Managed rule groups block by their own rules; override_action count switches one group to count only.
  dynamic "rule" {
    for_each = local.managed_rule_groups

    content {
      name     = rule.value.name
      priority = rule.value.priority

      override_action {
        dynamic "count" {
          for_each = contains(var.count_mode_rules, rule.key) ? [1] : []
          content {}
        }

        dynamic "none" {
          for_each = contains(var.count_mode_rules, rule.key) ? [] : [1]
          content {}
        }
      }

      statement {
        managed_rule_group_statement {
          vendor_name = "AWS"
          name        = rule.value.name

          # The common rule set blocks request bodies over 8 KB; staff API requests (product descriptions,
          # article bodies) are larger. Counted here, and the rule "body-size-outside-api" blocks them
          # everywhere but under /api/, whose endpoints validate their own bodies.
          dynamic "rule_action_override" {
            for_each = rule.key == "common" ? ["SizeRestrictions_BODY"] : []

            content {
              name = "SizeRestrictions_BODY"

              action_to_use {
                count {}
              }
            }
          }
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        sampled_requests_enabled   = true
        metric_name                = "${var.name}-${rule.key}"
      }
    }
  }

  rule {
    name     = "body-size-outside-api"
    priority = 25

    action {
      block {}
    }

    statement {
      and_statement {
        statement {
          label_match_statement {
            scope = "LABEL"
            key   = "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body"
          }
        }

        statement {
          not_statement {
            statement {
              byte_match_statement {
                search_string         = "/api/"
                positional_constraint = "STARTS_WITH"

                field_to_match {
                  uri_path {}
                }

                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      sampled_requests_enabled   = true
      metric_name                = "${var.name}-body-size-outside-api"
    }
  }

  rule {
    name     = "rate-limit"
    priority = 40

    action {
      dynamic "count" {
        for_each = contains(var.count_mode_rules, "rate_limit") ? [1] : []
        content {}
      }

      dynamic "block" {
        for_each = contains(var.count_mode_rules, "rate_limit") ? [] : [1]
        content {}
      }
    }

    statement {
      rate_based_statement {
        limit              = var.rate_limit_per_5_minutes
        aggregate_key_type = "IP"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      sampled_requests_enabled   = true
      metric_name                = "${var.name}-rate-limit"
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    sampled_requests_enabled   = true
    metric_name                = var.name
  }
}

# WAF only logs to destinations whose name starts with aws-waf-logs-.
resource "aws_cloudwatch_log_group" "this" {
  name              = "aws-waf-logs-${var.name}"
  retention_in_days = var.log_retention_days
}

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

data "aws_iam_policy_document" "log_delivery" {
  statement {
    sid       = "WafLogDelivery"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]

    principals {
      type        = "Service"
      identifiers = ["delivery.logs.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:*"]
    }
  }
}

resource "aws_cloudwatch_log_resource_policy" "this" {
  policy_name     = "${var.name}-waf-logs"
  policy_document = data.aws_iam_policy_document.log_delivery.json
}

resource "aws_wafv2_web_acl_logging_configuration" "this" {
  resource_arn            = aws_wafv2_web_acl.this.arn
  log_destination_configs = [aws_cloudwatch_log_group.this.arn]

  depends_on = [aws_cloudwatch_log_resource_policy.this]
}
