output "dns_name" {
  description = "DNS name of the load balancer (the CloudFront origin)."
  value       = aws_lb.this.dns_name
}

output "security_group_id" {
  description = "Security group of the load balancer (shop-app tasks accept traffic from it)."
  value       = aws_security_group.this.id
}

output "target_group_arn" {
  description = "Target group of shop-app."
  value       = aws_lb_target_group.this.arn
}

output "request_count_resource_label" {
  description = "Resource label for the ALBRequestCountPerTarget scaling metric."
  value       = "${aws_lb.this.arn_suffix}/${aws_lb_target_group.this.arn_suffix}"
}

output "arn_suffix" {
  description = "ARN suffix of the load balancer (CloudWatch dimension)."
  value       = aws_lb.this.arn_suffix
}
