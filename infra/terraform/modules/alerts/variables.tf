variable "name" {
  description = "Topic name, kurashi-<env>-alerts."
  type        = string
}

variable "kms_key_arn" {
  description = "Key of the topic; its policy must let cloudwatch.amazonaws.com and events.amazonaws.com use it."
  type        = string
}

variable "slack_team_id" {
  description = "Slack workspace ID, authorized once in the Chatbot console (a one-time manual OAuth step)."
  type        = string
}

variable "slack_channel_id" {
  description = "Slack channel that receives the alarms and bastion announcements."
  type        = string
}
