variable "name" {
  description = "Bucket name, kurashi-<env>-<purpose>-<account id> (bucket names are global)."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer managed key for SSE-KMS; null means SSE-S3 (needed where AWS log delivery writes, e.g. ALB access logs)."
  type        = string
  default     = null
}

variable "object_ownership" {
  description = "BucketOwnerEnforced (ACLs off) for everything except a bucket receiving CloudFront standard logs, which needs BucketOwnerPreferred."
  type        = string
  default     = "BucketOwnerEnforced"

  validation {
    condition     = contains(["BucketOwnerEnforced", "BucketOwnerPreferred"], var.object_ownership)
    error_message = "object_ownership must be BucketOwnerEnforced or BucketOwnerPreferred."
  }
}

variable "expire_after_days" {
  description = "Days after which objects (and noncurrent versions) expire; null keeps them."
  type        = number
  default     = null
}

variable "policy_statements_json" {
  description = "Extra bucket policy statements as a policy document JSON (e.g. log delivery, CloudFront OAC); merged with the TLS-only statement."
  type        = string
  default     = null
}
