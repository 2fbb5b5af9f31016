variable "name" {
  description = "Name prefix, kurashi-<env>; the pools are <name>-customers and <name>-staff."
  type        = string
}

variable "domain_prefix" {
  description = "Prefix of the hosted UI domains: <prefix>.auth.<region>.amazoncognito.com and <prefix>-staff.auth...."
  type        = string
}

variable "web_callback_urls" {
  description = "Redirect URIs of the storefront web client (code flow), e.g. https://shop.example/ after sign-in."
  type        = list(string)
}

variable "web_logout_urls" {
  description = "Allowed logout_uri values of the web client."
  type        = list(string)
}

variable "mobile_callback_urls" {
  description = "Redirect URIs of the mobile apps (custom scheme or universal link)."
  type        = list(string)
}

variable "staff_callback_urls" {
  description = "Redirect URIs of the staff tools client."
  type        = list(string)
}

variable "email_from" {
  description = "From address of Cognito's own mail (verification, password reset), sent through SES."
  type        = string
}

variable "ses_identity_arn" {
  description = "SES identity Cognito sends its mail through."
  type        = string
}
