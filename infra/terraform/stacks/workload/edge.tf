# Certificates: one regional (ALB), one in us-east-1 (CloudFront). Both validate with the same DNS record,
# which ACM derives from the domain name and the account.
resource "aws_acm_certificate" "regional" {
  domain_name       = var.domain_name
  validation_method = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_acm_certificate" "cloudfront" {
  provider = aws.us_east_1

  domain_name       = var.domain_name
  validation_method = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "certificate_validation" {
  for_each = {
    for option in aws_acm_certificate.regional.domain_validation_options : option.domain_name => option
  }

  zone_id         = var.hosted_zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "regional" {
  certificate_arn         = aws_acm_certificate.regional.arn
  validation_record_fqdns = [for record in aws_route53_record.certificate_validation : record.fqdn]
}

resource "aws_acm_certificate_validation" "cloudfront" {
  provider = aws.us_east_1

  certificate_arn         = aws_acm_certificate.cloudfront.arn
  validation_record_fqdns = [for record in aws_route53_record.certificate_validation : record.fqdn]
}

# The secret CloudFront puts into every origin request; the ALB forwards nothing without it.
resource "random_password" "origin_verify" {
  length  = 48
  special = false
}

module "waf" {
  source = "../../modules/waf"
  providers = {
    aws = aws.us_east_1
  }

  name             = "${local.name}-edge"
  count_mode_rules = var.waf_count_mode_rules
}

module "alb" {
  source = "../../modules/alb"

  name                       = "${local.name}-shop"
  vpc_id                     = module.network.vpc_id
  vpc_cidr_block             = module.network.vpc_cidr_block
  subnet_ids                 = module.network.public_subnet_ids
  certificate_arn            = aws_acm_certificate_validation.regional.certificate_arn
  origin_verify_header_value = random_password.origin_verify.result
  access_logs_bucket         = module.logs_bucket.id
  alarm_topic_arn            = module.alerts.topic_arn
  deletion_protection        = var.deletion_protection
}

module "cloudfront" {
  source = "../../modules/cloudfront"

  name                               = local.name
  aliases                            = [var.domain_name]
  certificate_arn                    = aws_acm_certificate_validation.cloudfront.certificate_arn
  web_acl_arn                        = module.waf.arn
  alb_domain_name                    = module.alb.dns_name
  origin_verify_header_value         = random_password.origin_verify.result
  assets_bucket_regional_domain_name = module.assets_bucket.regional_domain_name
  logs_bucket_domain_name            = module.logs_bucket.domain_name
}

resource "aws_route53_record" "storefront" {
  for_each = toset(["A", "AAAA"])

  zone_id = var.hosted_zone_id
  name    = var.domain_name
  type    = each.key

  alias {
    name                   = module.cloudfront.domain_name
    zone_id                = module.cloudfront.hosted_zone_id
    evaluate_target_health = false
  }
}
