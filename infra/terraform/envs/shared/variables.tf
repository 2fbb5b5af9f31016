variable "account_id" {
  description = "AWS account of the shared stack (tooling: ECR, image builds)."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be a 12-digit AWS account ID."
  }
}

variable "workload_account_ids" {
  description = "Accounts of stg and prod, which pull images from here."
  type        = list(string)
}

variable "repository" {
  description = "GitHub repository (owner/name) whose workflows push images and apply this stack."
  type        = string
}

variable "slack_team_id" {
  description = "Slack workspace authorized in the Chatbot console."
  type        = string
}

variable "slack_channel_id" {
  description = "Slack channel for the shared account's GuardDuty findings."
  type        = string
}
