variable "name" {
  description = "Name of the load balancer, kurashi-<env>-shop."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the load balancer."
  type        = string
}

variable "vpc_cidr_block" {
  description = "VPC range; the load balancer only talks to targets inside it."
  type        = string
}

variable "subnet_ids" {
  description = "Public subnets, one per AZ."
  type        = list(string)
}

variable "certificate_arn" {
  description = "Regional ACM certificate for the storefront host name (CloudFront forwards the viewer's Host and checks the origin certificate against it)."
  type        = string
}

variable "origin_verify_header_name" {
  description = "Header CloudFront adds to every origin request."
  type        = string
  default     = "X-Origin-Verify"
}

variable "origin_verify_header_value" {
  description = "Shared secret CloudFront sends in the origin header; requests without it get 403."
  type        = string
  sensitive   = true
}

variable "target_port" {
  description = "Container port of shop-app."
  type        = number
  default     = 8080
}

variable "health_check_path" {
  description = "Liveness path (no dependency checks, docs/adr/1502-liveness-never-follows-a-dependency.md)."
  type        = string
  default     = "/q/health/live"
}

variable "access_logs_bucket" {
  description = "Bucket for ALB access logs (SSE-S3)."
  type        = string
}

variable "p99_latency_alarm_seconds" {
  description = "Alarm when the p99 target response time exceeds this."
  type        = number
  default     = 1.5
}

variable "errors_5xx_alarm_count" {
  description = "Alarm when 5xx responses (target and load balancer) in a minute exceed this."
  type        = number
  default     = 10
}

variable "alarm_topic_arn" {
  description = "SNS topic the 5xx and latency alarms notify."
  type        = string
}

variable "deletion_protection" {
  description = "Protect the load balancer against deletion."
  type        = bool
  default     = true
}
