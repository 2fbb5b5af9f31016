variable "name" {
  description = "Name prefix of every resource, kurashi-<env>."
  type        = string
}

variable "cidr_block" {
  description = "IPv4 range of the VPC; each subnet tier takes /20s out of it (three AZs, four tiers)."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.cidr_block)) && tonumber(split("/", var.cidr_block)[1]) <= 16
    error_message = "cidr_block must be a /16 or larger IPv4 range."
  }
}

variable "availability_zones" {
  description = "Exactly three availability zones; tasks, database and search spread over all of them."
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) == 3
    error_message = "Kurashi runs in exactly three availability zones."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for the VPC instead of one per AZ (cheaper, for stg; prod keeps one per AZ)."
  type        = bool
  default     = false
}

variable "interface_endpoints" {
  description = "Services reached through interface VPC endpoints, so that tasks reach them without the NAT gateway."
  type        = set(string)
  default     = ["ecr.api", "ecr.dkr", "sqs", "secretsmanager", "logs", "ssm", "ssmmessages", "ec2messages", "kms", "sts"]
}
