variable "env" {
  description = "Environment; stg and prod live in separate AWS accounts."
  type        = string

  validation {
    condition     = contains(["stg", "prod"], var.env)
    error_message = "env must be stg or prod."
  }
}

variable "repository" {
  description = "GitHub repository (owner/name) whose workflows deploy this environment."
  type        = string
}

variable "shared_account_id" {
  description = "Account of the shared stack (ECR repositories the tasks pull from)."
  type        = string
}

variable "state_bucket" {
  description = "Bucket holding this stack's state; ecspresso's tfstate lookups read it with the deploy role."
  type        = string
}

variable "state_key" {
  description = "Key of this stack's state in the state bucket."
  type        = string
}

variable "availability_zones" {
  description = "The three AZs of the environment."
  type        = list(string)
}

variable "vpc_cidr_block" {
  description = "IPv4 range of the VPC."
  type        = string
}

variable "single_nat_gateway" {
  description = "One NAT gateway instead of one per AZ (stg)."
  type        = bool
}

variable "domain_name" {
  description = "Storefront host name, e.g. shop.kurashi.example."
  type        = string
}

variable "mail_domain" {
  description = "Domain mail is sent from (SES identity)."
  type        = string
}

variable "hosted_zone_id" {
  description = "Route 53 zone holding domain_name and mail_domain."
  type        = string
}

variable "cognito_domain_prefix" {
  description = "Prefix of the Cognito hosted UI domains."
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

variable "slack_team_id" {
  description = "Slack workspace authorized in the Chatbot console."
  type        = string
}

variable "slack_channel_id" {
  description = "Slack channel for alarms, GuardDuty findings and bastion sessions."
  type        = string
}

variable "aurora_instance_class" {
  description = "Instance class of the Aurora writer and reader."
  type        = string
}

variable "opensearch_instance_type" {
  description = "OpenSearch data node type."
  type        = string
}

variable "opensearch_dedicated_master_type" {
  description = "OpenSearch dedicated master type; null for none."
  type        = string
  default     = null
}

variable "shop_app_max_tasks" {
  description = "Upper bound of shop-app autoscaling."
  type        = number
}

variable "queue_worker_max_tasks" {
  description = "Upper bound of queue-worker autoscaling."
  type        = number
}

variable "waf_count_mode_rules" {
  description = "WAF rules that count instead of block while being tuned (common, known_bad_inputs, ip_reputation, rate_limit)."
  type        = set(string)
  default     = []
}

variable "manage_autoscaling" {
  description = "Register the autoscaling of shop-app and queue-worker. False only for the first apply of a new environment, before `ecspresso deploy` has created the services (infra/terraform/README.md)."
  type        = bool
  default     = true
}

variable "deletion_protection" {
  description = "Deletion protection of the load balancer."
  type        = bool
  default     = true
}
