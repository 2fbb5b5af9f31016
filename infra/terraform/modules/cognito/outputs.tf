output "user_pool_id" {
  description = "Customer pool ID (COGNITO_USER_POOL_ID)."
  value       = aws_cognito_user_pool.this.id
}

output "user_pool_arn" {
  description = "Customer pool ARN (queue-worker reads e-mail addresses from it)."
  value       = aws_cognito_user_pool.this.arn
}

output "domain" {
  description = "Hosted UI domain of the customer pool (COGNITO_DOMAIN)."
  value       = "${aws_cognito_user_pool_domain.this.domain}.auth.${data.aws_region.current.name}.amazoncognito.com"
}

output "web_client_id" {
  description = "Storefront web client ID."
  value       = aws_cognito_user_pool_client.web.id
}

output "web_client_secret" {
  description = "Storefront web client secret; the stack stores it in Secrets Manager (COGNITO_WEB_CLIENT_SECRET)."
  value       = aws_cognito_user_pool_client.web.client_secret
  sensitive   = true
}

output "mobile_client_id" {
  description = "Mobile app client ID (PKCE, no secret)."
  value       = aws_cognito_user_pool_client.mobile.id
}

output "staff_user_pool_id" {
  description = "Staff pool ID (MFA required)."
  value       = aws_cognito_user_pool.staff.id
}

output "staff_domain" {
  description = "Hosted UI domain of the staff pool."
  value       = "${aws_cognito_user_pool_domain.staff.domain}.auth.${data.aws_region.current.name}.amazoncognito.com"
}

output "staff_client_id" {
  description = "Staff tools client ID (PKCE, no secret)."
  value       = aws_cognito_user_pool_client.staff.id
}
