variable "name" {
  description = "Cluster name, kurashi-<env>."
  type        = string
}

variable "kms_key_arn" {
  description = "Key that encrypts ECS Exec sessions (bastion only)."
  type        = string
}

variable "log_kms_key_arn" {
  description = "Key of the ECS Exec session log group; its key policy must allow CloudWatch Logs."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of the ECS Exec session log group."
  type        = number
  default     = 365
}
