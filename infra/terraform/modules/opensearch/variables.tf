variable "name" {
  description = "Domain name, kurashi-<env> (OpenSearch domain names are at most 28 characters)."
  type        = string

  validation {
    condition     = length(var.name) <= 28
    error_message = "OpenSearch domain names are at most 28 characters."
  }
}

variable "engine_version" {
  description = "OpenSearch engine version."
  type        = string
  default     = "OpenSearch_3.1"
}

variable "instance_type" {
  description = "Data node instance type."
  type        = string
  default     = "r7g.large.search"
}

variable "instance_count" {
  description = "Data nodes; a multiple of 3 so that every AZ holds one."
  type        = number
  default     = 3

  validation {
    condition     = var.instance_count % 3 == 0
    error_message = "instance_count must be a multiple of 3 (three AZs)."
  }
}

variable "dedicated_master_type" {
  description = "Instance type of the three dedicated master nodes; null runs without dedicated masters (stg)."
  type        = string
  default     = null
}

variable "volume_size_gb" {
  description = "gp3 volume per data node."
  type        = number
  default     = 50
}

variable "vpc_id" {
  description = "VPC of the domain."
  type        = string
}

variable "subnet_ids" {
  description = "Isolated search subnets, exactly one per AZ."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) == 3
    error_message = "The domain spans three AZs: give one subnet per AZ."
  }
}

variable "client_security_group_ids" {
  description = "Security groups allowed to reach the domain on 443, by client name."
  type        = map(string)
}

variable "client_role_arns" {
  description = "IAM roles (the ECS task roles) that may call the domain's HTTP API."
  type        = list(string)
}

variable "kms_key_arn" {
  description = "Customer managed key for encryption at rest."
  type        = string
}
