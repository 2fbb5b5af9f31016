variable "name" {
  description = "Cluster name, kurashi-<env>."
  type        = string
}

variable "kms_key_arn" {
  description = "Key that encrypts ECS Exec sessions and their log group (bastion only)."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of the ECS Exec session log group."
  type        = number
  default     = 365
}
