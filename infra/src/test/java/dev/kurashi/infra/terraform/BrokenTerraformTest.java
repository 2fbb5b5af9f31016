package dev.kurashi.infra.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each policy rule fails on Terraform that breaks its property: small broken examples run through the same
 * parser and rules as infra/terraform.
 */
class BrokenTerraformTest {

    record Broken(PolicyRule rule, Map<String, String> files, String expected) {}

    static Stream<Named<Broken>> examples() {
        return Stream.of(
                example(
                        "distribution without WAF",
                        new WafOnDistributionRule(),
                        Map.of(
                                "modules/cloudfront/main.tf",
                                """
                                resource "aws_cloudfront_distribution" "this" {
                                  enabled = true
                                }
                                """),
                        "web_acl_id is not set"),
                example(
                        "WAF ACL that a caller can leave out",
                        new WafOnDistributionRule(),
                        Map.of(
                                "modules/cloudfront/main.tf",
                                        """
                                resource "aws_cloudfront_distribution" "this" {
                                  web_acl_id = var.web_acl_arn
                                }
                                resource "aws_wafv2_web_acl" "this" {
                                  scope = "CLOUDFRONT"
                                }
                                """,
                                "modules/cloudfront/variables.tf",
                                        """
                                variable "web_acl_arn" {
                                  description = "optional WAF"
                                  type        = string
                                  default     = null
                                }
                                """),
                        "which has a default"),
                example(
                        "ALB that forwards /q/* to the tasks",
                        new QuarkusPathsClosedRule(),
                        Map.of(
                                "modules/alb/main.tf",
                                """
                                resource "aws_lb" "this" {
                                  internal = false
                                }
                                resource "aws_lb_listener" "https" {
                                  load_balancer_arn = aws_lb.this.arn
                                }
                                resource "aws_lb_listener_rule" "from_cloudfront" {
                                  listener_arn = aws_lb_listener.https.arn
                                  priority     = 10
                                  action {
                                    type = "forward"
                                  }
                                }
                                """),
                        "no listener rule answers /q/*"),
                example(
                        "ALB that closes /q/* only after forwarding",
                        new QuarkusPathsClosedRule(),
                        Map.of(
                                "modules/alb/main.tf",
                                """
                                resource "aws_lb" "this" {
                                  internal = false
                                }
                                resource "aws_lb_listener" "https" {
                                  load_balancer_arn = aws_lb.this.arn
                                }
                                resource "aws_lb_listener_rule" "from_cloudfront" {
                                  listener_arn = aws_lb_listener.https.arn
                                  priority     = 10
                                  action {
                                    type = "forward"
                                  }
                                }
                                resource "aws_lb_listener_rule" "no_quarkus_paths" {
                                  listener_arn = aws_lb_listener.https.arn
                                  priority     = 20
                                  condition {
                                    path_pattern {
                                      values = ["/q/*"]
                                    }
                                  }
                                  action {
                                    type = "fixed-response"
                                    fixed_response {
                                      content_type = "text/plain"
                                      status_code  = "404"
                                    }
                                  }
                                }
                                """),
                        "forwards before the rule that closes /q/*"),
                example(
                        "ALB open to the internet",
                        new AlbOnlyFromCloudFrontRule(),
                        Map.of(
                                "modules/alb/main.tf",
                                """
                                resource "aws_lb" "this" {
                                  internal = false
                                }
                                resource "aws_vpc_security_group_ingress_rule" "https" {
                                  security_group_id = aws_security_group.this.id
                                  ip_protocol       = "tcp"
                                  from_port         = 443
                                  to_port           = 443
                                  cidr_ipv4         = "0.0.0.0/0"
                                }
                                """),
                        "ingress from anywhere"),
                example(
                        "ALB forwarding without the origin header",
                        new AlbOnlyFromCloudFrontRule(),
                        Map.of(
                                "modules/alb/main.tf",
                                """
                                data "aws_ec2_managed_prefix_list" "cloudfront" {
                                  name = "com.amazonaws.global.cloudfront.origin-facing"
                                }
                                resource "aws_lb" "this" {
                                  internal = false
                                }
                                resource "aws_vpc_security_group_ingress_rule" "cloudfront" {
                                  prefix_list_id = data.aws_ec2_managed_prefix_list.cloudfront.id
                                }
                                resource "aws_lb_listener" "https" {
                                  default_action {
                                    type             = "forward"
                                    target_group_arn = aws_lb_target_group.this.arn
                                  }
                                }
                                """),
                        "the default action must be a fixed 403"),
                example(
                        "unencrypted Aurora cluster",
                        new EncryptionAtRestRule(),
                        Map.of(
                                "modules/aurora/main.tf",
                                """
                                resource "aws_rds_cluster" "this" {
                                  engine            = "aurora-postgresql"
                                  storage_encrypted = false
                                }
                                """),
                        "storage_encrypted must be true"),
                example(
                        "OpenSearch without encryption at rest",
                        new EncryptionAtRestRule(),
                        Map.of(
                                "modules/opensearch/main.tf",
                                """
                                resource "aws_opensearch_domain" "this" {
                                  domain_name = "kurashi"
                                  node_to_node_encryption {
                                    enabled = true
                                  }
                                }
                                """),
                        "encrypt_at_rest must be enabled"),
                example(
                        "queue without SSE",
                        new EncryptionAtRestRule(),
                        Map.of(
                                "modules/sqs-queue/main.tf",
                                """
                                resource "aws_sqs_queue" "this" {
                                  name = "kurashi-stg-x"
                                }
                                """),
                        "sqs_managed_sse_enabled"),
                example(
                        "bucket without default encryption",
                        new EncryptionAtRestRule(),
                        Map.of(
                                "modules/s3-bucket/main.tf",
                                """
                                resource "aws_s3_bucket" "this" {
                                  bucket = "kurashi-stg-x"
                                }
                                """),
                        "no aws_s3_bucket_server_side_encryption_configuration"),
                example(
                        "public bucket",
                        new PrivateBucketsRule(),
                        Map.of(
                                "modules/s3-bucket/main.tf",
                                """
                                resource "aws_s3_bucket" "this" {
                                  bucket = "kurashi-stg-x"
                                }
                                resource "aws_s3_bucket_public_access_block" "this" {
                                  bucket                  = aws_s3_bucket.this.id
                                  block_public_acls       = true
                                  block_public_policy     = false
                                  ignore_public_acls      = true
                                  restrict_public_buckets = true
                                }
                                """),
                        "block_public_policy must be true"),
                example(
                        "queue without a dead-letter queue",
                        new DeadLetterQueueRule(),
                        Map.of(
                                "modules/sqs-queue/main.tf",
                                """
                                resource "aws_sqs_queue" "this" {
                                  name                    = "kurashi-stg-x"
                                  sqs_managed_sse_enabled = true
                                }
                                """),
                        "no redrive policy"),
                example(
                        "queue-worker minimum of 1",
                        new WorkerMinimumRule(),
                        Map.of(
                                "stacks/workload/compute.tf",
                                """
                                module "queue_worker" {
                                  source       = "../../modules/ecs-service-infra"
                                  service      = "queue-worker"
                                  scaling      = "sqs_backlog"
                                  min_capacity = 1
                                }
                                module "batch_worker" {
                                  source  = "../../modules/ecs-service-infra"
                                  service = "batch-worker"
                                  scaling = "none"
                                }
                                """),
                        "min_capacity must be a literal >= 2, found 1"),
                example(
                        "queue-worker without SQS-depth autoscaling",
                        new WorkerMinimumRule(),
                        Map.of(
                                "stacks/workload/compute.tf",
                                """
                                module "queue_worker" {
                                  source       = "../../modules/ecs-service-infra"
                                  service      = "queue-worker"
                                  scaling      = "cpu_and_requests"
                                  min_capacity = 2
                                }
                                module "batch_worker" {
                                  source  = "../../modules/ecs-service-infra"
                                  service = "batch-worker"
                                  scaling = "none"
                                }
                                """),
                        "scaling must be sqs_backlog"),
                example(
                        "batch-worker autoscaled away from its 2 tasks",
                        new WorkerMinimumRule(),
                        Map.of(
                                "stacks/workload/compute.tf",
                                """
                                module "queue_worker" {
                                  source       = "../../modules/ecs-service-infra"
                                  service      = "queue-worker"
                                  scaling      = "sqs_backlog"
                                  min_capacity = 2
                                }
                                module "batch_worker" {
                                  source  = "../../modules/ecs-service-infra"
                                  service = "batch-worker"
                                  scaling = "cpu_and_requests"
                                }
                                """),
                        "scaling must be none"),
                example(
                        "bastion service back in Terraform",
                        new EcspressoOwnsServicesRule(),
                        Map.of(
                                "modules/bastion/main.tf",
                                """
                                resource "aws_ecs_service" "this" {
                                  name                   = "bastion"
                                  desired_count          = 0
                                  enable_execute_command = true
                                }
                                """),
                        "aws_ecs_service belongs in infra/ecspresso"),
                example(
                        "task definition in Terraform",
                        new EcspressoOwnsServicesRule(),
                        Map.of(
                                "modules/ecs-service-infra/main.tf",
                                """
                                resource "aws_ecs_task_definition" "this" {
                                  family = "kurashi-stg-shop-app"
                                }
                                """),
                        "aws_ecs_task_definition belongs in infra/ecspresso"),
                example(
                        "mutating action on every resource",
                        new IamWildcardRule(),
                        Map.of(
                                "stacks/workload/iam.tf",
                                """
                                data "aws_iam_policy_document" "queue_worker_task" {
                                  statement {
                                    sid       = "Queues"
                                    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]
                                    resources = ["*"]
                                  }
                                }
                                """),
                        "sqs:DeleteMessage on \"*\""),
                example(
                        "inline JSON policy the rule cannot read",
                        new IamWildcardRule(),
                        Map.of(
                                "modules/x/main.tf",
                                """
                                resource "aws_iam_role_policy" "this" {
                                  role   = aws_iam_role.this.id
                                  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
                                }
                                """),
                        "write the policy as an aws_iam_policy_document"),
                example(
                        "secret value in the code",
                        new SecretLiteralRule(),
                        Map.of(
                                "stacks/workload/data.tf",
                                """
                                resource "aws_secretsmanager_secret_version" "payment" {
                                  secret_id     = module.secrets.arns["payment-provider"]
                                  secret_string = "sk_live_1234"
                                }
                                """),
                        "secret_string is a literal"),
                example(
                        "origin header secret in the code",
                        new SecretLiteralRule(),
                        Map.of(
                                "modules/cloudfront/main.tf",
                                """
                                resource "aws_cloudfront_distribution" "this" {
                                  origin {
                                    origin_id = "shop-app"
                                    custom_header {
                                      name  = "X-Origin-Verify"
                                      value = "let-me-in"
                                    }
                                  }
                                }
                                """),
                        "custom_header value is a literal"),
                example(
                        "module call with a misspelt input",
                        new ModuleInterfaceRule(),
                        Map.of(
                                "modules/sqs-queue/variables.tf",
                                        """
                                variable "name" {
                                  description = "Queue name."
                                  type        = string
                                }
                                """,
                                "stacks/workload/data.tf",
                                        """
                                module "queue" {
                                  source = "../../modules/sqs-queue"
                                  nmae   = "kurashi-stg-x"
                                }
                                """),
                        "has no variable nmae"),
                example(
                        "variable without a description",
                        new VariableStyleRule(),
                        Map.of(
                                "modules/x/variables.tf",
                                """
                                variable "name" {
                                  type = string
                                }
                                """),
                        "no description"),
                example(
                        "alarm without a runbook",
                        new RunbookLinkRule(),
                        Map.of(
                                "modules/x/main.tf",
                                """
                                resource "aws_cloudwatch_metric_alarm" "this" {
                                  alarm_description = "Something is wrong."
                                }
                                """),
                        "no runbook link"),
                example(
                        "alarm whose runbook file does not exist",
                        new RunbookLinkRule(),
                        Map.of(
                                "modules/x/main.tf",
                                """
                                resource "aws_cloudwatch_metric_alarm" "this" {
                                  alarm_description = "See docs/runbooks/no-such-runbook.md#first-steps."
                                }
                                """),
                        "no file docs/runbooks/no-such-runbook.md"),
                example(
                        "alarm whose runbook section does not exist",
                        new RunbookLinkRule(),
                        Map.of(
                                "modules/x/main.tf",
                                """
                                resource "aws_cloudwatch_metric_alarm" "this" {
                                  alarm_description = "See docs/runbooks/platform-alerts.md#no-such-section."
                                }
                                """),
                        "no section #no-such-section"),
                example(
                        "rule group namespace without a rule file",
                        new RunbookLinkRule(),
                        Map.of(
                                "modules/x/main.tf",
                                """
                                resource "aws_prometheus_rule_group_namespace" "this" {
                                  name = "inline"
                                  data = "groups: []"
                                }
                                """),
                        "not a rule file"));
    }

    private static Named<Broken> example(String name, PolicyRule rule, Map<String, String> files, String expected) {
        return Named.of(name, new Broken(rule, files, expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void failsTheRule(Broken broken) {
        PolicyRule.Findings findings = broken.rule().check(TerraformTree.of(broken.files()));

        assertThat(findings.violations())
                .anySatisfy(violation -> assertThat(violation).contains(broken.expected()));
    }
}
