output "arn" {
  description = "ARN of the distribution (the assets bucket policy names it)."
  value       = aws_cloudfront_distribution.this.arn
}

output "domain_name" {
  description = "CloudFront domain name (alias target)."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "hosted_zone_id" {
  description = "Route 53 zone ID of CloudFront aliases."
  value       = aws_cloudfront_distribution.this.hosted_zone_id
}

output "id" {
  description = "ID of the distribution (cache invalidations)."
  value       = aws_cloudfront_distribution.this.id
}
