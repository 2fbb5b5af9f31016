variable "finding_publishing_frequency" {
  description = "How often updated findings are exported."
  type        = string
  default     = "FIFTEEN_MINUTES"

  validation {
    condition     = contains(["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"], var.finding_publishing_frequency)
    error_message = "finding_publishing_frequency must be FIFTEEN_MINUTES, ONE_HOUR or SIX_HOURS."
  }
}

variable "alert_topic_arn" {
  description = "SNS topic (Chatbot → Slack) for findings of severity 7 (high) and above."
  type        = string
}
