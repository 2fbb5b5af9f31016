output "arn" {
  description = "ARN of the domain (task role policies add /* for the HTTP API)."
  value       = aws_opensearch_domain.this.arn
}

output "endpoint" {
  description = "VPC endpoint host name of the domain (OPENSEARCH_HOSTS, port 443)."
  value       = aws_opensearch_domain.this.endpoint
}

output "security_group_id" {
  description = "Security group of the domain."
  value       = aws_security_group.this.id
}
