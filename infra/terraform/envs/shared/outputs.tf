output "repository_urls" {
  description = "ECR repository URL by name (kurashi/<service>)."
  value       = module.ecr.repository_urls
}

output "github_role_arns" {
  description = "Roles of the GitHub workflows in the shared account: image-push, terraform-plan, terraform-apply."
  value       = module.github_oidc.role_arns
}
