output "writer_endpoint" {
  description = "Cluster (writer) endpoint."
  value       = aws_rds_cluster.this.endpoint
}

output "reader_endpoint" {
  description = "Reader endpoint."
  value       = aws_rds_cluster.this.reader_endpoint
}

output "jdbc_url" {
  description = "DB_JDBC_URL for the apps."
  value       = "jdbc:postgresql://${aws_rds_cluster.this.endpoint}:5432/${var.database_name}"
}

output "reader_jdbc_url" {
  description = "JDBC URL of the reader endpoint."
  value       = "jdbc:postgresql://${aws_rds_cluster.this.reader_endpoint}:5432/${var.database_name}"
}

output "master_user_secret_arn" {
  description = "ARN of the RDS-managed master user secret (DB_SECRET_ID)."
  value       = aws_rds_cluster.this.master_user_secret[0].secret_arn
}

output "security_group_id" {
  description = "Security group of the cluster."
  value       = aws_security_group.this.id
}

output "cluster_identifier" {
  description = "Cluster identifier."
  value       = aws_rds_cluster.this.cluster_identifier
}
