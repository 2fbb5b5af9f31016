variable "name_prefix" {
  description = "Environment prefix, kurashi-<env>; roles and security group are <prefix>-bastion."
  type        = string
}

variable "exec_kms_key_arn" {
  description = "Key the cluster encrypts ECS Exec sessions with."
  type        = string
}

variable "exec_log_group_arn" {
  description = "Log group of ECS Exec sessions (configured on the cluster)."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the task."
  type        = string
}

variable "image_repository_arn" {
  description = "ECR repository of the image the bastion runs (batch-worker's: no extra image to patch)."
  type        = string
}

variable "alert_topic_arn" {
  description = "SNS topic (Chatbot → Slack) that announces every session start."
  type        = string
}

variable "log_kms_key_arn" {
  description = "Key of the container log group."
  type        = string
}
