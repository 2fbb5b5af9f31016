variable "name" {
  description = "Cluster name, kurashi-<env>-db."
  type        = string
}

variable "engine_version" {
  description = "Aurora PostgreSQL version the cluster is created with (major 16); minor upgrades are automatic."
  type        = string
  default     = "16.6"

  validation {
    condition     = startswith(var.engine_version, "16.")
    error_message = "Kurashi runs on PostgreSQL 16."
  }
}

variable "instance_class" {
  description = "Instance class of the writer and the reader."
  type        = string
  default     = "db.r7g.large"
}

variable "database_name" {
  description = "Database created with the cluster."
  type        = string
  default     = "kurashi"
}

variable "master_username" {
  description = "Master user; its password is generated and rotated by RDS in Secrets Manager."
  type        = string
  default     = "kurashi_admin"
}

variable "vpc_id" {
  description = "VPC of the cluster."
  type        = string
}

variable "subnet_ids" {
  description = "Isolated data subnets, one per AZ."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups allowed to connect on 5432, by client name (static keys: the IDs are unknown until apply)."
  type        = map(string)
}

variable "kms_key_arn" {
  description = "Customer managed key for storage, Performance Insights and the master user secret."
  type        = string
}

variable "backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery window)."
  type        = number
  default     = 14

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 7 and 35."
  }
}

variable "master_password_rotation_days" {
  description = "Rotation interval of the RDS-managed master user secret."
  type        = number
  default     = 7
}

variable "max_connections_alarm" {
  description = "Alarm when the writer holds more connections than this."
  type        = number
  default     = 400
}

variable "alarm_topic_arn" {
  description = "SNS topic the CPU and connection alarms notify."
  type        = string
}
