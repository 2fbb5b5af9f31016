variable "name" {
  description = "Queue name, kurashi-<env>-<purpose>; the dead-letter queue is <name>-dlq."
  type        = string
}

variable "max_receive_count" {
  description = "Receives after which a message moves to the dead-letter queue (the consumers' retry budget)."
  type        = number
  default     = 5
}

variable "visibility_timeout_seconds" {
  description = "Initial visibility timeout; consumers extend it with a heartbeat for slow handlers."
  type        = number
  default     = 30
}

variable "oldest_message_age_alarm_seconds" {
  description = "Alarm when the oldest visible message is older than this (consumers stuck or too few)."
  type        = number
  default     = 600
}

variable "alarm_topic_arn" {
  description = "SNS topic the DLQ-depth and message-age alarms notify."
  type        = string
}
