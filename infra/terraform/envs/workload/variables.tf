variable "env" {
  description = "Which workload account this run applies to."
  type        = string

  validation {
    condition     = contains(["stg", "prod"], var.env)
    error_message = "env must be stg or prod."
  }
}

variable "account_id" {
  description = "AWS account of this environment; the providers refuse any other."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be a 12-digit AWS account ID."
  }
}

variable "shared_account_id" {
  description = "AWS account of the shared stack (ECR)."
  type        = string
}

variable "repository" {
  description = "GitHub repository (owner/name) that deploys this environment."
  type        = string
}

variable "domain_name" {
  description = "Storefront host name."
  type        = string
}

variable "mail_domain" {
  description = "Domain the shop sends mail from."
  type        = string
}

variable "hosted_zone_id" {
  description = "Route 53 zone of domain_name and mail_domain."
  type        = string
}

variable "slack_team_id" {
  description = "Slack workspace authorized in the Chatbot console."
  type        = string
}

variable "slack_channel_id" {
  description = "Slack channel for this environment's alerts."
  type        = string
}

variable "mobile_callback_urls" {
  description = "Redirect URIs of the mobile apps."
  type        = list(string)
}

variable "staff_callback_urls" {
  description = "Redirect URIs of the staff tools."
  type        = list(string)
}

variable "waf_count_mode_rules" {
  description = "WAF rules in count mode while being tuned."
  type        = set(string)
  default     = []
}

variable "manage_autoscaling" {
  description = "False only for the first apply of a new environment, before ecspresso has created the services (see infra/terraform/README.md)."
  type        = bool
  default     = true
}

variable "grafana_token" {
  description = "Service account token of the environment's Grafana workspace (dashboards as code)."
  type        = string
  sensitive   = true
}

variable "vpc_cidr_block" {
  description = "IPv4 range of the environment's VPC."
  type        = string
}

variable "cognito_domain_prefix" {
  description = "Prefix of the Cognito hosted UI domains (globally unique per region)."
  type        = string
}

variable "sizes" {
  description = "What stg and prod run at: instance sizes, autoscaling bounds, NAT gateways and deletion protection."
  type = object({
    single_nat_gateway               = bool
    aurora_instance_class            = string
    opensearch_instance_type         = string
    opensearch_dedicated_master_type = string
    shop_app_max_tasks               = number
    queue_worker_max_tasks           = number
    deletion_protection              = bool
  })
}
