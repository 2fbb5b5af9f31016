locals {
  managed_policy_attachments = {
    for attachment in flatten([
      for key, role in var.roles : [
        for arn in role.managed_policy_arns : {
          role = key
          arn  = arn
        }
      ]
    ]) : format("%s:%s", attachment.role, attachment.arn) => attachment
  }
}

resource "aws_iam_openid_connect_provider" "this" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "trust" {
  for_each = var.roles

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.this.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [for subject in each.value.subjects : "repo:${var.repository}:${subject}"]
    }
  }
}

resource "aws_iam_role" "this" {
  for_each = var.roles

  name                 = "${var.name_prefix}-github-${each.key}"
  description          = "GitHub Actions of ${var.repository}: ${join(", ", each.value.subjects)}"
  assume_role_policy   = data.aws_iam_policy_document.trust[each.key].json
  max_session_duration = 3600
}

resource "aws_iam_role_policy" "this" {
  for_each = { for key, role in var.roles : key => role if role.policy_json != null }

  name   = "github-actions"
  role   = aws_iam_role.this[each.key].id
  policy = each.value.policy_json
}

resource "aws_iam_role_policy_attachment" "this" {
  for_each = local.managed_policy_attachments

  role       = aws_iam_role.this[each.value.role].name
  policy_arn = each.value.arn
}
