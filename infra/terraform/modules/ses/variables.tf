variable "name" {
  description = "Configuration set name, kurashi-<env>-mail."
  type        = string
}

variable "domain" {
  description = "Mail domain verified with Easy DKIM (MAIL_FROM is an address in it)."
  type        = string
}

variable "hosted_zone_id" {
  description = "Route 53 zone of the domain, for the DKIM records."
  type        = string
}
