module "ecs_cluster" {
  source = "../../modules/ecs-cluster"

  name            = local.name
  kms_key_arn     = module.kms_data.key_arn
  log_kms_key_arn = module.kms_platform.key_arn
}

# The ECS services and task definitions are ecspresso's (infra/ecspresso, docs/adr/1504-ecspresso-owns-ecs-services.md). These modules
# create what they run with: roles, security groups, log groups and autoscaling of service/<cluster>/<service>.
module "shop_app" {
  source = "../../modules/ecs-service-infra"

  name_prefix                  = local.name
  service                      = "shop-app"
  manage_autoscaling           = var.manage_autoscaling
  cluster_name                 = module.ecs_cluster.name
  vpc_id                       = module.network.vpc_id
  scaling                      = "cpu_and_requests"
  min_capacity                 = 2
  max_capacity                 = var.shop_app_max_tasks
  request_count_resource_label = module.alb.request_count_resource_label
  task_policy_json             = data.aws_iam_policy_document.shop_app_task.json
  secrets_kms_key_arn          = module.kms_data.key_arn
  image_repository_arns        = [local.image_repository_arns["shop-app"]]
  log_kms_key_arn              = module.kms_platform.key_arn

  load_balancer = {
    security_group_id = module.alb.security_group_id
    container_port    = 8080
  }

  execution_secret_arns = [
    module.secrets.arns["cognito-web-client"],
    module.secrets.arns["web-cookie"],
    module.secrets.arns["payment-provider"],
    module.secrets.arns["sentry-dsn"],
  ]
}

module "queue_worker" {
  source = "../../modules/ecs-service-infra"

  name_prefix           = local.name
  service               = "queue-worker"
  manage_autoscaling    = var.manage_autoscaling
  cluster_name          = module.ecs_cluster.name
  vpc_id                = module.network.vpc_id
  scaling               = "sqs_backlog"
  min_capacity          = 2
  max_capacity          = var.queue_worker_max_tasks
  scaling_queue_names   = [module.search_index_queue.name, module.notifications_queue.name]
  task_policy_json      = data.aws_iam_policy_document.queue_worker_task.json
  secrets_kms_key_arn   = module.kms_data.key_arn
  image_repository_arns = [local.image_repository_arns["queue-worker"]]
  log_kms_key_arn       = module.kms_platform.key_arn
  execution_secret_arns = [module.secrets.arns["sentry-dsn"]]
}

# A Quartz cluster on Aurora: two nodes (desiredCount 2 in ecspresso's service definition), so a firing
# survives the loss of one; no autoscaling.
module "batch_worker" {
  source = "../../modules/ecs-service-infra"

  name_prefix           = local.name
  service               = "batch-worker"
  cluster_name          = module.ecs_cluster.name
  vpc_id                = module.network.vpc_id
  scaling               = "none"
  task_policy_json      = data.aws_iam_policy_document.batch_worker_task.json
  secrets_kms_key_arn   = module.kms_data.key_arn
  image_repository_arns = [local.image_repository_arns["batch-worker"]]
  log_kms_key_arn       = module.kms_platform.key_arn
  execution_secret_arns = [module.secrets.arns["sentry-dsn"]]
}

module "bastion" {
  source = "../../modules/bastion"

  name_prefix          = local.name
  image_repository_arn = local.image_repository_arns["batch-worker"]
  exec_kms_key_arn     = module.kms_data.key_arn
  exec_log_group_arn   = module.ecs_cluster.exec_log_group_arn
  vpc_id               = module.network.vpc_id
  alert_topic_arn      = module.alerts.topic_arn
  log_kms_key_arn      = module.kms_platform.key_arn
}
