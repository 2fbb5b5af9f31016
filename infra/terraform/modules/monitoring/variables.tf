variable "name" {
  description = "Name of the monitoring resources, kurashi-<env>."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer managed key that encrypts the Prometheus workspace."
  type        = string
}

variable "alert_topic_arn" {
  description = "SNS topic (alerts module, posted to Slack by Chatbot) that Alertmanager publishes to."
  type        = string
}

variable "runbook_base_url" {
  description = "URL the alerts' repository-relative runbook links are appended to, e.g. https://github.com/<repo>/blob/main/."
  type        = string
}
