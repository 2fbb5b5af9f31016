output "arn" {
  description = "ARN of the web ACL (the distribution's web_acl_id)."
  value       = aws_wafv2_web_acl.this.arn
}

output "log_group_name" {
  description = "CloudWatch log group of the WAF logs (us-east-1)."
  value       = aws_cloudwatch_log_group.this.name
}
