output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "IPv4 range of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "Public subnets (ALB, NAT gateways), one per AZ."
  value       = [for subnet in aws_subnet.public : subnet.id]
}

output "app_subnet_ids" {
  description = "Private subnets for ECS tasks, one per AZ."
  value       = [for subnet in aws_subnet.app : subnet.id]
}

output "data_subnet_ids" {
  description = "Isolated subnets for Aurora, one per AZ."
  value       = [for subnet in aws_subnet.data : subnet.id]
}

output "search_subnet_ids" {
  description = "Isolated subnets for OpenSearch, one per AZ."
  value       = [for subnet in aws_subnet.search : subnet.id]
}
