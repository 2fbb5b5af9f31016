variable "repositories" {
  description = "Repository names (kurashi/<service>); images are built once and promoted from stg to prod."
  type        = set(string)
}

variable "pull_account_ids" {
  description = "Workload accounts (stg, prod) whose task execution roles pull images."
  type        = list(string)
}

variable "keep_images" {
  description = "How many tagged images each repository keeps; older ones expire."
  type        = number
  default     = 100

  validation {
    condition     = var.keep_images >= 10
    error_message = "Keep at least 10 images so that a rollback target still exists."
  }
}
