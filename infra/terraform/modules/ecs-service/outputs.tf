output "service_name" {
  description = "Name of the ECS service in the cluster (the app's name)."
  value       = var.service
}

output "task_definition_family" {
  description = "Task definition family ecspresso registers."
  value       = local.name
}

output "task_role_arn" {
  description = "Task role (taskRoleArn)."
  value       = aws_iam_role.task.arn
}

output "execution_role_arn" {
  description = "Task execution role (executionRoleArn)."
  value       = aws_iam_role.execution.arn
}

output "security_group_id" {
  description = "Security group of the tasks."
  value       = aws_security_group.this.id
}

output "subnet_ids" {
  description = "Subnets of the tasks."
  value       = var.subnet_ids
}

output "log_group_name" {
  description = "Log group of the containers (awslogs-group)."
  value       = aws_cloudwatch_log_group.this.name
}

output "desired_count" {
  description = "Desired count at creation (ecspresso's service definition mirrors it)."
  value       = var.desired_count
}
