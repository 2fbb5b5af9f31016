variable "name" {
  description = "Name of the web ACL, kurashi-<env>-edge. The module must run with a us-east-1 provider (scope CLOUDFRONT)."
  type        = string
}

variable "rate_limit_per_5_minutes" {
  description = "Requests one client IP may send in 5 minutes before the rate-based rule acts."
  type        = number
  default     = 2000

  validation {
    condition     = var.rate_limit_per_5_minutes >= 100
    error_message = "WAF rate-based rules accept limits of 100 or more."
  }
}

variable "count_mode_rules" {
  description = "Rules that only count instead of blocking, for tuning: any of common, known_bad_inputs, ip_reputation, rate_limit."
  type        = set(string)
  default     = []

  validation {
    condition     = alltrue([for rule in var.count_mode_rules : contains(["common", "known_bad_inputs", "ip_reputation", "rate_limit"], rule)])
    error_message = "count_mode_rules may only name common, known_bad_inputs, ip_reputation and rate_limit."
  }
}

variable "log_retention_days" {
  description = "Retention of the WAF log group."
  type        = number
  default     = 90
}
