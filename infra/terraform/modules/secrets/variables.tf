variable "name_prefix" {
  description = "Prefix of every secret name, kurashi-<env>."
  type        = string
}

variable "secrets" {
  description = "Secrets to create, by short name, with a description of what the value holds and who sets it."
  type        = map(string)
}

variable "kms_key_arn" {
  description = "Customer managed key that encrypts the secret values."
  type        = string
}

variable "recovery_window_in_days" {
  description = "Days a deleted secret can still be restored."
  type        = number
  default     = 30
}
