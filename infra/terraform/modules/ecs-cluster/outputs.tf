output "arn" {
  description = "ARN of the cluster."
  value       = aws_ecs_cluster.this.arn
}

output "name" {
  description = "Name of the cluster."
  value       = aws_ecs_cluster.this.name
}

output "exec_log_group_arn" {
  description = "Log group of ECS Exec sessions (the bastion task role writes to it)."
  value       = aws_cloudwatch_log_group.exec.arn
}

output "exec_log_group_name" {
  description = "Name of the ECS Exec session log group."
  value       = aws_cloudwatch_log_group.exec.name
}
