output "id" {
  description = "Name of the bucket."
  value       = aws_s3_bucket.this.id
}

output "arn" {
  description = "ARN of the bucket."
  value       = aws_s3_bucket.this.arn
}

output "regional_domain_name" {
  description = "Regional domain name, for a CloudFront S3 origin or CloudFront log delivery."
  value       = aws_s3_bucket.this.bucket_regional_domain_name
}

output "domain_name" {
  description = "Global domain name (<bucket>.s3.amazonaws.com), as CloudFront standard logging wants it."
  value       = aws_s3_bucket.this.bucket_domain_name
}
