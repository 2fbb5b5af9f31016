module "ses" {
  source = "../../modules/ses"

  name           = "${local.name}-mail"
  domain         = var.mail_domain
  hosted_zone_id = var.hosted_zone_id
}

module "cognito" {
  source = "../../modules/cognito"

  name                 = local.name
  domain_prefix        = var.cognito_domain_prefix
  web_callback_urls    = ["https://${var.domain_name}/login"]
  web_logout_urls      = ["https://${var.domain_name}/"]
  mobile_callback_urls = var.mobile_callback_urls
  staff_callback_urls  = var.staff_callback_urls
  email_from           = "no-reply@${var.mail_domain}"
  ses_identity_arn     = module.ses.identity_arn
}
