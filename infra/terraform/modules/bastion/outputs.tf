output "security_group_id" {
  description = "Security group of the bastion (a client of Aurora)."
  value       = aws_security_group.this.id
}

output "task_role_arn" {
  description = "Bastion task role: ECS Exec channels and session logs only."
  value       = aws_iam_role.task.arn
}

output "execution_role_arn" {
  description = "Bastion execution role: pull the image, write the log group."
  value       = aws_iam_role.execution.arn
}

output "log_group_name" {
  description = "Log group of the bastion container."
  value       = aws_cloudwatch_log_group.this.name
}
