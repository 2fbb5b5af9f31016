output "repository_urls" {
  description = "Repository URL by name."
  value       = { for name, repository in aws_ecr_repository.this : name => repository.repository_url }
}

output "repository_arns" {
  description = "Repository ARN by name."
  value       = { for name, repository in aws_ecr_repository.this : name => repository.arn }
}
