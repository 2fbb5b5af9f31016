# Only the containers are created here. Values are put out of band (aws secretsmanager put-secret-value,
# see docs/runbooks/secret-rotation.md) or, for generated values, by the caller with its own
# aws_secretsmanager_secret_version: nothing in this module ever holds a secret value.
resource "aws_secretsmanager_secret" "this" {
  for_each = var.secrets

  name                    = "${var.name_prefix}-${each.key}"
  description             = each.value
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_in_days
}
