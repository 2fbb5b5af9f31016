locals {
  alb_origin_id    = "shop-app"
  assets_origin_id = "assets"
  all_methods      = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
  cached_methods   = ["GET", "HEAD"]

  # quarkus-oidc splits a large session cookie into q_session_chunk_N.
  session_cookies = ["q_session", "q_session_chunk_1", "q_session_chunk_2", "q_session_chunk_3"]
}

# Static files and product images: fingerprinted or immutable, cached long; nothing from the viewer matters.
resource "aws_cloudfront_cache_policy" "static_assets" {
  name        = "${var.name}-static-assets"
  comment     = "Static files and images: long TTL, no cookies, headers or query strings"
  min_ttl     = 0
  default_ttl = 86400
  max_ttl     = 31536000

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = true

    cookies_config {
      cookie_behavior = "none"
    }

    headers_config {
      header_behavior = "none"
    }

    query_strings_config {
      query_string_behavior = "none"
    }
  }
}

# Anonymous pages (catalog, articles): short TTL, the origin's s-maxage decides within it. The session cookie is
# part of the key: a signed-in viewer never shares an entry with anyone, and shop-app answers a request that
# carries it with "private, no-store", which CloudFront does not cache; so a session bypasses the cache.
resource "aws_cloudfront_cache_policy" "anonymous_pages" {
  name        = "${var.name}-anonymous-pages"
  comment     = "Anonymous pages: short TTL; q_session in the key so that signed-in requests bypass the cache"
  min_ttl     = 0
  default_ttl = 60
  max_ttl     = 300

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = true

    cookies_config {
      cookie_behavior = "whitelist"

      cookies {
        items = local.session_cookies
      }
    }

    headers_config {
      header_behavior = "none"
    }

    query_strings_config {
      query_string_behavior = "all"
    }
  }
}

# Personal pages and the API: never cached; what the origin needs goes through the origin request policy.
resource "aws_cloudfront_cache_policy" "no_cache" {
  name        = "${var.name}-no-cache"
  comment     = "Personal pages and API: not cached"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = 0

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = false
    enable_accept_encoding_brotli = false

    cookies_config {
      cookie_behavior = "none"
    }

    headers_config {
      header_behavior = "none"
    }

    query_strings_config {
      query_string_behavior = "none"
    }
  }
}

# Everything the viewer sent (headers including Authorization and Host, all cookies, all query strings).
resource "aws_cloudfront_origin_request_policy" "all_viewer" {
  name    = "${var.name}-all-viewer"
  comment = "Personal pages and API: forward every header, cookie and query string"

  cookies_config {
    cookie_behavior = "all"
  }

  headers_config {
    header_behavior = "allViewer"
  }

  query_strings_config {
    query_string_behavior = "all"
  }
}

# Anonymous pages: the cache key already forwards the session cookies and query strings; Host lets the app
# build absolute URLs for the storefront host name.
resource "aws_cloudfront_origin_request_policy" "anonymous_pages" {
  name    = "${var.name}-anonymous-pages"
  comment = "Anonymous pages: viewer Host and the CloudFront viewer country"

  cookies_config {
    cookie_behavior = "none"
  }

  headers_config {
    header_behavior = "whitelist"

    headers {
      items = ["Host", "CloudFront-Viewer-Country"]
    }
  }

  query_strings_config {
    query_string_behavior = "none"
  }
}

# Static files and images served by shop-app: only the viewer's Host. Without it CloudFront sends the ALB's own
# DNS name as Host and SNI, which the ALB's certificate (the site's domain only) does not cover: 502.
resource "aws_cloudfront_origin_request_policy" "static_assets" {
  name    = "${var.name}-static-assets"
  comment = "Static files and images from the ALB: viewer Host only"

  cookies_config {
    cookie_behavior = "none"
  }

  headers_config {
    header_behavior = "whitelist"

    headers {
      items = ["Host"]
    }
  }

  query_strings_config {
    query_string_behavior = "none"
  }
}

resource "aws_cloudfront_origin_access_control" "assets" {
  name                              = "${var.name}-assets"
  description                       = "CloudFront reads the assets bucket"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "this" {
  comment         = var.name
  enabled         = true
  is_ipv6_enabled = true
  http_version    = "http2and3"
  price_class     = var.price_class
  aliases         = var.aliases
  web_acl_id      = var.web_acl_arn

  origin {
    origin_id   = local.alb_origin_id
    domain_name = var.alb_domain_name

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }

    custom_header {
      name  = var.origin_verify_header_name
      value = var.origin_verify_header_value
    }
  }

  origin {
    origin_id                = local.assets_origin_id
    domain_name              = var.assets_bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.assets.id
  }

  default_cache_behavior {
    target_origin_id         = local.alb_origin_id
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = local.all_methods
    cached_methods           = local.cached_methods
    compress                 = true
    cache_policy_id          = aws_cloudfront_cache_policy.anonymous_pages.id
    origin_request_policy_id = aws_cloudfront_origin_request_policy.anonymous_pages.id
  }

  ordered_cache_behavior {
    path_pattern             = "/static/*"
    target_origin_id         = local.alb_origin_id
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = local.cached_methods
    cached_methods           = local.cached_methods
    compress                 = true
    cache_policy_id          = aws_cloudfront_cache_policy.static_assets.id
    origin_request_policy_id = aws_cloudfront_origin_request_policy.static_assets.id
  }

  ordered_cache_behavior {
    path_pattern             = "/images/*"
    target_origin_id         = local.alb_origin_id
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = local.cached_methods
    cached_methods           = local.cached_methods
    compress                 = true
    cache_policy_id          = aws_cloudfront_cache_policy.static_assets.id
    origin_request_policy_id = aws_cloudfront_origin_request_policy.static_assets.id
  }

  ordered_cache_behavior {
    path_pattern           = "/assets/*"
    target_origin_id       = local.assets_origin_id
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = local.cached_methods
    cached_methods         = local.cached_methods
    compress               = true
    cache_policy_id        = aws_cloudfront_cache_policy.static_assets.id
  }

  ordered_cache_behavior {
    path_pattern             = "/api/*"
    target_origin_id         = local.alb_origin_id
    viewer_protocol_policy   = "https-only"
    allowed_methods          = local.all_methods
    cached_methods           = local.cached_methods
    compress                 = true
    cache_policy_id          = aws_cloudfront_cache_policy.no_cache.id
    origin_request_policy_id = aws_cloudfront_origin_request_policy.all_viewer.id
  }

  dynamic "ordered_cache_behavior" {
    for_each = var.personal_path_patterns

    content {
      path_pattern             = ordered_cache_behavior.value
      target_origin_id         = local.alb_origin_id
      viewer_protocol_policy   = "redirect-to-https"
      allowed_methods          = local.all_methods
      cached_methods           = local.cached_methods
      compress                 = true
      cache_policy_id          = aws_cloudfront_cache_policy.no_cache.id
      origin_request_policy_id = aws_cloudfront_origin_request_policy.all_viewer.id
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = var.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }

  logging_config {
    bucket          = var.logs_bucket_domain_name
    prefix          = "cloudfront/${var.name}/"
    include_cookies = false
  }
}
