variable "name_prefix" {
  description = "Environment prefix, kurashi-<env>; the service, task family and roles are <prefix>-<service>."
  type        = string
}

variable "service" {
  description = "Which Kurashi app this is."
  type        = string

  validation {
    condition     = contains(["shop-app", "queue-worker", "batch-worker"], var.service)
    error_message = "service must be shop-app, queue-worker or batch-worker."
  }
}

variable "create_service" {
  description = "Create the ECS service. False only for the first apply of a new environment, before ecspresso has registered the task definition family."
  type        = bool
  default     = true
}

variable "cluster_arn" {
  description = "ARN of the ECS cluster."
  type        = string
}

variable "cluster_name" {
  description = "Name of the ECS cluster."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the tasks."
  type        = string
}

variable "subnet_ids" {
  description = "Private app subnets in three AZs; Fargate spreads the tasks over them."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 3
    error_message = "Give one subnet per AZ (three) so that tasks spread over AZs."
  }
}

variable "desired_count" {
  description = "Tasks at creation; for a scaled service the autoscaling target owns the count afterwards."
  type        = number

  validation {
    condition     = var.desired_count >= 2
    error_message = "Every Kurashi app runs at least two tasks (redundancy across AZs)."
  }
}

variable "scaling" {
  description = "Autoscaling: none (fixed desired_count), cpu_and_requests (CPU and ALB requests per target), sqs_backlog (visible messages per task)."
  type        = string
  default     = "none"

  validation {
    condition     = contains(["none", "cpu_and_requests", "sqs_backlog"], var.scaling)
    error_message = "scaling must be none, cpu_and_requests or sqs_backlog."
  }
}

variable "min_capacity" {
  description = "Lower bound of the autoscaling target."
  type        = number
  default     = 2

  validation {
    condition     = var.min_capacity >= 2
    error_message = "min_capacity must be at least 2."
  }
}

variable "max_capacity" {
  description = "Upper bound of the autoscaling target."
  type        = number
  default     = 6
}

variable "cpu_target_percent" {
  description = "Target average CPU utilization (cpu_and_requests)."
  type        = number
  default     = 60
}

variable "requests_per_target" {
  description = "Target ALB requests per task per minute (cpu_and_requests)."
  type        = number
  default     = 600
}

variable "request_count_resource_label" {
  description = "ALB and target group resource label for ALBRequestCountPerTarget (cpu_and_requests)."
  type        = string
  default     = null
}

variable "scaling_queue_names" {
  description = "Queues whose visible messages, divided by the running tasks, drive sqs_backlog scaling."
  type        = list(string)
  default     = []
}

variable "backlog_per_task" {
  description = "Target visible messages per running task (sqs_backlog)."
  type        = number
  default     = 100
}

variable "load_balancer" {
  description = "Target group and load balancer security group when the service takes traffic from the ALB."
  type = object({
    target_group_arn  = string
    security_group_id = string
    container_port    = number
  })
  default = null
}

variable "task_policy_json" {
  description = "Identity policy of the task role: exactly the queues, secrets, domains and identities this app uses."
  type        = string
}

variable "execution_secret_arns" {
  description = "Secrets ECS injects into the container environment (task definition `secrets`); the execution role may read only these."
  type        = list(string)
  default     = []
}

variable "secrets_kms_key_arn" {
  description = "Key of the injected secrets."
  type        = string
}

variable "image_repository_arns" {
  description = "ECR repositories (shared account) the execution role pulls from: the app image and the collector sidecar."
  type        = list(string)
}

variable "log_retention_days" {
  description = "Retention of the service's log group."
  type        = number
  default     = 90
}

variable "log_kms_key_arn" {
  description = "Key of the log group."
  type        = string
}
