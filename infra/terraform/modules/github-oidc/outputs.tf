output "role_arns" {
  description = "Role ARN by key (the workflows' role-to-assume)."
  value       = { for key, role in aws_iam_role.this : key => role.arn }
}

output "provider_arn" {
  description = "ARN of the GitHub OIDC identity provider."
  value       = aws_iam_openid_connect_provider.this.arn
}
