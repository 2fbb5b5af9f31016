variable "name_prefix" {
  description = "Environment prefix, kurashi-<env>; roles and security group are <prefix>-<service>."
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

variable "manage_autoscaling" {
  description = "Register the autoscaling target and policies. False only for the first apply of a new environment, before `ecspresso deploy` has created the service (Application Auto Scaling refuses a service that does not exist)."
  type        = bool
  default     = true
}

variable "cluster_name" {
  description = "Name of the ECS cluster the service (created by ecspresso) runs in; autoscaling addresses service/<cluster>/<service>."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the tasks."
  type        = string
}

variable "scaling" {
  description = "Autoscaling: none (the count of ecspresso's service definition stays), cpu_and_requests (CPU and ALB requests per target), sqs_backlog (visible messages per task)."
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
  description = "Load balancer security group and container port when the service takes traffic from the ALB (the target group is the ALB module's; ecspresso's service definition names it)."
  type = object({
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
