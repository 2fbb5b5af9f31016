output "task_role_arn" {
  description = "Task role (taskRoleArn of ecspresso's task definition)."
  value       = aws_iam_role.task.arn
}

output "execution_role_arn" {
  description = "Task execution role (executionRoleArn of ecspresso's task definition)."
  value       = aws_iam_role.execution.arn
}

output "security_group_id" {
  description = "Security group of the tasks (networkConfiguration of ecspresso's service definition)."
  value       = aws_security_group.this.id
}

output "log_group_name" {
  description = "Log group of the containers (awslogs-group)."
  value       = aws_cloudwatch_log_group.this.name
}
