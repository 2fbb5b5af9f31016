resource "aws_cloudwatch_log_group" "exec" {
  name              = "/ecs/${var.name}/exec-sessions"
  retention_in_days = var.log_retention_days
  # CloudWatch Logs encrypts with this key itself, so its key policy must allow logs.<region>.amazonaws.com
  # (the platform key does; the data key, which encrypts the sessions, does not).
  kms_key_id = var.log_kms_key_arn
}

resource "aws_ecs_cluster" "this" {
  name = var.name

  # RunningTaskCount (queue-worker scaling) and per-task metrics come from Container Insights.
  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  # ECS Exec is only enabled on the bastion service; its sessions are encrypted and logged here.
  configuration {
    execute_command_configuration {
      kms_key_id = var.kms_key_arn
      logging    = "OVERRIDE"

      log_configuration {
        cloud_watch_log_group_name     = aws_cloudwatch_log_group.exec.name
        cloud_watch_encryption_enabled = true
      }
    }
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}
