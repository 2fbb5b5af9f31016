# Flat names: ecspresso reads them with tfstate lookups (infra/ecspresso/README.md lists what it uses).

output "private_subnet_ids" {
  description = "The three private app subnets, one per AZ, in AZ order."
  value       = module.workload.private_subnet_ids
}

output "shop_app_security_group_id" {
  description = "shop-app tasks: inbound 8080 from the ALB only."
  value       = module.workload.shop_app_security_group_id
}

output "queue_worker_security_group_id" {
  description = "queue-worker tasks: no inbound rule."
  value       = module.workload.queue_worker_security_group_id
}

output "batch_worker_security_group_id" {
  description = "batch-worker tasks: no inbound rule."
  value       = module.workload.batch_worker_security_group_id
}

output "bastion_security_group_id" {
  description = "Bastion task: no inbound rule."
  value       = module.workload.bastion_security_group_id
}

output "shop_app_target_group_arn" {
  description = "ALB target group of shop-app (container shop-app, port 8080)."
  value       = module.workload.shop_app_target_group_arn
}

output "shop_app_task_role_arn" {
  description = "shop-app task role (also the migration task's)."
  value       = module.workload.shop_app_task_role_arn
}

output "queue_worker_task_role_arn" {
  description = "queue-worker task role."
  value       = module.workload.queue_worker_task_role_arn
}

output "batch_worker_task_role_arn" {
  description = "batch-worker task role."
  value       = module.workload.batch_worker_task_role_arn
}

output "bastion_task_role_arn" {
  description = "Bastion task role (ECS Exec channels only)."
  value       = module.workload.bastion_task_role_arn
}

output "shop_app_execution_role_arn" {
  description = "shop-app execution role (also the migration task's)."
  value       = module.workload.shop_app_execution_role_arn
}

output "queue_worker_execution_role_arn" {
  description = "queue-worker execution role."
  value       = module.workload.queue_worker_execution_role_arn
}

output "batch_worker_execution_role_arn" {
  description = "batch-worker execution role."
  value       = module.workload.batch_worker_execution_role_arn
}

output "bastion_execution_role_arn" {
  description = "Bastion execution role (pulls kurashi/batch-worker)."
  value       = module.workload.bastion_execution_role_arn
}

output "shop_app_log_group_name" {
  description = "Log group of shop-app, its sidecar and the migration task."
  value       = module.workload.shop_app_log_group_name
}

output "queue_worker_log_group_name" {
  description = "Log group of queue-worker and its sidecar."
  value       = module.workload.queue_worker_log_group_name
}

output "batch_worker_log_group_name" {
  description = "Log group of batch-worker and its sidecar."
  value       = module.workload.batch_worker_log_group_name
}

output "bastion_log_group_name" {
  description = "Log group of the bastion."
  value       = module.workload.bastion_log_group_name
}

output "db_jdbc_url" {
  description = "DB_JDBC_URL: the writer endpoint."
  value       = module.workload.db_jdbc_url
}

output "db_reader_jdbc_url" {
  description = "DB_READER_JDBC_URL: the reader endpoint."
  value       = module.workload.db_reader_jdbc_url
}

output "db_secret_arn" {
  description = "DB_SECRET_ID: Aurora's managed master user secret (read by the apps, rotation-aware)."
  value       = module.workload.db_secret_arn
}

output "opensearch_hosts" {
  description = "OPENSEARCH_HOSTS: <domain endpoint>:443."
  value       = module.workload.opensearch_hosts
}

output "search_index_queue_url" {
  description = "SQS_SEARCH_INDEX_QUEUE_URL."
  value       = module.workload.search_index_queue_url
}

output "notifications_queue_url" {
  description = "SQS_NOTIFICATIONS_QUEUE_URL."
  value       = module.workload.notifications_queue_url
}

output "cognito_user_pool_id" {
  description = "COGNITO_USER_POOL_ID (customers)."
  value       = module.workload.cognito_user_pool_id
}

output "cognito_domain" {
  description = "COGNITO_DOMAIN: hosted UI domain, no scheme."
  value       = module.workload.cognito_domain
}

output "cognito_web_client_id" {
  description = "Client ID of the storefront web client."
  value       = module.workload.cognito_web_client_id
}

output "cognito_mobile_client_id" {
  description = "Client ID of the mobile app client (PKCE)."
  value       = module.workload.cognito_mobile_client_id
}

output "cognito_staff_user_pool_id" {
  description = "Staff pool (MFA required)."
  value       = module.workload.cognito_staff_user_pool_id
}

output "cognito_staff_client_id" {
  description = "Client ID of the staff tools."
  value       = module.workload.cognito_staff_client_id
}

output "cognito_web_client_secret_arn" {
  description = "Secret holding the web client's secret (COGNITO_WEB_CLIENT_SECRET)."
  value       = module.workload.cognito_web_client_secret_arn
}

output "web_cookie_secret_arn" {
  description = "Secret holding the guest-cart HMAC key (WEB_COOKIE_SECRET)."
  value       = module.workload.web_cookie_secret_arn
}

output "fcm_service_account_secret_arn" {
  description = "Secret holding the FCM service account JSON (FCM_SERVICE_ACCOUNT_SECRET_ID)."
  value       = module.workload.fcm_service_account_secret_arn
}

output "payment_provider_secret_arn" {
  description = "Secret holding the payment provider credentials."
  value       = module.workload.payment_provider_secret_arn
}

output "gunfish_secret_arn" {
  description = "Secret holding Gunfish's APNs credentials (for the Gunfish service)."
  value       = module.workload.gunfish_secret_arn
}

output "mail_from" {
  description = "MAIL_FROM: sender address on the SES identity."
  value       = module.workload.mail_from
}

output "ses_configuration_set_name" {
  description = "SES_CONFIGURATION_SET."
  value       = module.workload.ses_configuration_set_name
}

output "storefront_url" {
  description = "STOREFRONT_URL."
  value       = module.workload.storefront_url
}

output "search_index_dlq_url" {
  description = "Dead-letter queue of search-index (DLQ redrive runbook)."
  value       = module.workload.search_index_dlq_url
}

output "notifications_dlq_url" {
  description = "Dead-letter queue of notifications (DLQ redrive runbook)."
  value       = module.workload.notifications_dlq_url
}

output "db_cluster_identifier" {
  description = "Aurora cluster identifier (bastion runbook)."
  value       = module.workload.db_cluster_identifier
}

output "db_reader_endpoint" {
  description = "Aurora reader endpoint."
  value       = module.workload.db_reader_endpoint
}

output "cloudfront_distribution_id" {
  description = "CloudFront distribution (cache invalidation)."
  value       = module.workload.cloudfront_distribution_id
}

output "github_role_arns" {
  description = "Roles of the GitHub workflows in this account: deploy, terraform-plan, terraform-apply."
  value       = module.workload.github_role_arns
}

output "sentry_dsn_secret_arn" {
  description = "Secret holding the Sentry DSN (SENTRY_DSN of every app)."
  value       = module.workload.sentry_dsn_secret_arn
}

output "prometheus_remote_write_url" {
  description = "Remote-write endpoint of the Prometheus workspace (the collector sidecars' AWS_PROMETHEUS_ENDPOINT)."
  value       = module.workload.prometheus_remote_write_url
}

output "grafana_endpoint" {
  description = "Host name of the Grafana workspace with the dashboards."
  value       = module.workload.grafana_endpoint
}
