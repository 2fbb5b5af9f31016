output "arns" {
  description = "Secret ARN by short name."
  value       = { for key, secret in aws_secretsmanager_secret.this : key => secret.arn }
}

output "names" {
  description = "Secret name by short name."
  value       = { for key, secret in aws_secretsmanager_secret.this : key => secret.name }
}
