variable "name" {
  description = "Name prefix of the distribution and its policies, kurashi-<env>."
  type        = string
}

variable "aliases" {
  description = "Storefront host names served by the distribution."
  type        = list(string)
}

variable "certificate_arn" {
  description = "ACM certificate in us-east-1 covering the aliases."
  type        = string
}

variable "web_acl_arn" {
  description = "WAF web ACL (scope CLOUDFRONT) attached to the distribution; required, there is no distribution without WAF."
  type        = string

  validation {
    condition     = can(regex("^arn:aws:wafv2:us-east-1:", var.web_acl_arn))
    error_message = "web_acl_arn must be a CLOUDFRONT-scoped WAFv2 web ACL (us-east-1)."
  }
}

variable "alb_domain_name" {
  description = "DNS name of the shop-app ALB (the default origin)."
  type        = string
}

variable "origin_verify_header_name" {
  description = "Header CloudFront adds to origin requests; the ALB forwards only requests that carry it."
  type        = string
  default     = "X-Origin-Verify"
}

variable "origin_verify_header_value" {
  description = "Shared secret sent in the origin header."
  type        = string
  sensitive   = true
}

variable "assets_bucket_regional_domain_name" {
  description = "Assets bucket, served under /assets/* through origin access control."
  type        = string
}

variable "logs_bucket_domain_name" {
  description = "Logs bucket (<bucket>.s3.amazonaws.com) for standard access logs."
  type        = string
}

variable "personal_path_patterns" {
  description = "Web paths whose answers belong to one person: never cached, everything forwarded (mirrors shop-app's ResponsePolicy)."
  type        = list(string)
  default     = ["/cart*", "/checkout*", "/account*", "/orders*", "/favorites*", "/login*", "/logout*"]
}

variable "price_class" {
  description = "CloudFront price class."
  type        = string
  default     = "PriceClass_200"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}
