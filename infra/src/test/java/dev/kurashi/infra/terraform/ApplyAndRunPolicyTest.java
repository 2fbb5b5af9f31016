package dev.kurashi.infra.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.infra.Repository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mistakes that pass the provider's schema but fail at apply or at run time (issue 14). Each rule holds for
 * infra/terraform, and fails on a small example that makes the mistake.
 */
class ApplyAndRunPolicyTest {

    static List<PolicyRule> rules() {
        return List.of(
                new LogGroupKeyRule(),
                new ChatbotRegionRule(),
                new CloudFrontOriginHostRule(),
                new GuardDutyAgentPullRule(),
                new CloudTrailForApiEventsRule(),
                new EngineVersionDriftRule(),
                new WafBodySizeRule());
    }

    private static TerraformTree tree;

    @BeforeAll
    static void parseEveryTerraformFile() {
        tree = TerraformTree.load(Repository.terraform());
    }

    static Stream<Named<PolicyRule>> rulesByName() {
        return rules().stream().map(rule -> Named.of(rule.description(), rule));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesByName")
    void holds(PolicyRule rule) {
        rule.check(tree).assertHolds();
    }

    record Example(PolicyRule rule, Map<String, String> files, String expected) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void failsOnTheMistake(Example example) {
        PolicyRule.Findings findings = example.rule().check(TerraformTree.of(example.files()));

        assertThat(findings.checked()).isPositive();
        assertThat(findings.violations()).anySatisfy(v -> assertThat(v).contains(example.expected()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixed")
    void passesTheFix(Example example) {
        PolicyRule.Findings findings = example.rule().check(TerraformTree.of(example.files()));

        assertThat(findings.checked()).isPositive();
        assertThat(findings.violations()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // The examples: for each rule, the mistake (broken) and the same Terraform with the fix (fixed).

    private static final String KMS_CALLS =
            """
            module "kms_data" {
              source = "../../modules/kms"
              name   = "data"
            }
            module "kms_platform" {
              source             = "../../modules/kms"
              name               = "platform"
              service_principals = ["logs.ap-northeast-1.amazonaws.com", "events.amazonaws.com"]
            }
            """;

    private static Map<String, String> execLogGroup(String key) {
        return Map.of(
                "stacks/workload/main.tf",
                KMS_CALLS
                        + """
                module "ecs_cluster" {
                  source      = "../../modules/ecs-cluster"
                  log_kms_key = module.%s.key_arn
                }
                """
                                .formatted(key),
                "modules/ecs-cluster/main.tf",
                """
                resource "aws_cloudwatch_log_group" "exec" {
                  name       = "/ecs/exec"
                  kms_key_id = var.log_kms_key
                }
                """,
                "modules/kms/main.tf",
                """
                resource "aws_kms_key" "this" {
                  description = "key"
                }
                """);
    }

    private static Map<String, String> chatbot(String providerLine, String aliasRegion) {
        return Map.of(
                "envs/stg/main.tf",
                """
                module "alerts" {
                  source = "../../modules/alerts"
                }
                """,
                "envs/stg/providers.tf",
                """
                provider "aws" {
                  region = "ap-northeast-1"
                }

                provider "aws" {
                  alias  = "chatbot"
                  region = "%s"
                }
                """
                        .formatted(aliasRegion),
                "modules/alerts/main.tf",
                """
                resource "aws_chatbot_slack_channel_configuration" "this" {
                  %s
                  configuration_name = "alerts"
                }
                """
                        .formatted(providerLine));
    }

    private static Map<String, String> staticBehaviour(String originRequestPolicy, String headers) {
        return Map.of(
                "modules/cloudfront/main.tf",
                """
                resource "aws_cloudfront_origin_request_policy" "static_assets" {
                  name = "static"
                  headers_config {
                    header_behavior = "whitelist"
                    headers {
                      items = [%s]
                    }
                  }
                }
                resource "aws_cloudfront_distribution" "this" {
                  origin {
                    origin_id   = "alb"
                    domain_name = var.alb_domain_name
                    custom_origin_config {
                      origin_protocol_policy = "https-only"
                    }
                  }
                  ordered_cache_behavior {
                    path_pattern     = "/static/*"
                    target_origin_id = "alb"
                    %s
                  }
                }
                """
                        .formatted(headers, originRequestPolicy));
    }

    private static Map<String, String> executionRole(String agentStatement) {
        return Map.of(
                "modules/guardduty/main.tf",
                """
                resource "aws_guardduty_detector_feature" "runtime_monitoring" {
                  name   = "RUNTIME_MONITORING"
                  status = "ENABLED"
                  additional_configuration {
                    name   = "ECS_FARGATE_AGENT_MANAGEMENT"
                    status = "ENABLED"
                  }
                }
                """,
                "modules/ecs-service-infra/main.tf",
                """
                data "aws_iam_policy_document" "assume" {
                  statement {
                    actions = ["sts:AssumeRole"]
                    principals {
                      type        = "Service"
                      identifiers = ["ecs-tasks.amazonaws.com"]
                    }
                  }
                }
                data "aws_iam_policy_document" "execution" {
                  statement {
                    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
                    resources = var.image_repository_arns
                  }
                  %s
                }
                """
                        .formatted(agentStatement));
    }

    private static final String AGENT_STATEMENT =
            """
            statement {
                actions   = ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
                resources = ["arn:aws:ecr:ap-northeast-1:*:repository/aws-guardduty-agent-fargate"]
              }
            """;

    private static Map<String, String> sessionAnnouncements(String trail) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "envs/prod/main.tf",
                """
                module "workload" {
                  source = "../../stacks/workload"
                }
                """);
        files.put(
                "stacks/workload/main.tf",
                """
                module "bastion" {
                  source = "../../modules/bastion"
                }
                """
                        + trail);
        files.put(
                "modules/bastion/main.tf",
                """
                resource "aws_cloudwatch_event_rule" "session_started" {
                  name = "session-started"
                  event_pattern = jsonencode({
                    source        = ["aws.ecs"]
                    "detail-type" = ["AWS API Call via CloudTrail"]
                  })
                }
                """);
        return files;
    }

    private static final String TRAIL =
            """
            resource "aws_cloudtrail" "management" {
              name                  = "management"
              s3_bucket_name        = "logs"
              is_multi_region_trail = true
              event_selector {
                read_write_type           = "WriteOnly"
                include_management_events = true
              }
            }
            """;

    private static Map<String, String> aurora(String clusterExtra, String instanceExtra) {
        return Map.of(
                "modules/aurora/main.tf",
                """
                resource "aws_rds_cluster" "this" {
                  engine         = "aurora-postgresql"
                  engine_version = var.engine_version
                  %s
                }
                resource "aws_rds_cluster_instance" "this" {
                  cluster_identifier         = aws_rds_cluster.this.id
                  auto_minor_version_upgrade = true
                  %s
                }
                """
                        .formatted(clusterExtra, instanceExtra));
    }

    private static final String IGNORE_ENGINE_VERSION =
            """
            lifecycle {
                ignore_changes = [engine_version]
              }
            """;

    private static Map<String, String> waf(String override, String labelRule) {
        return Map.of(
                "modules/waf/main.tf",
                """
                resource "aws_wafv2_web_acl" "this" {
                  scope = "CLOUDFRONT"
                  rule {
                    name     = "AWSManagedRulesCommonRuleSet"
                    priority = 20
                    statement {
                      managed_rule_group_statement {
                        vendor_name = "AWS"
                        name        = "AWSManagedRulesCommonRuleSet"
                        %s
                      }
                    }
                  }
                  %s
                }
                """
                        .formatted(override, labelRule));
    }

    private static final String SIZE_OVERRIDE =
            """
            rule_action_override {
                          name = "SizeRestrictions_BODY"
                          action_to_use {
                            count {}
                          }
                        }
            """;

    private static final String SIZE_LABEL_RULE =
            """
            rule {
                name     = "body-size-outside-api"
                priority = 25
                action {
                  block {}
                }
                statement {
                  label_match_statement {
                    scope = "LABEL"
                    key   = "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body"
                  }
                }
              }
            """;

    static Stream<Named<Example>> broken() {
        return Stream.of(
                example(
                        "ECS Exec log group on a key without CloudWatch Logs",
                        new LogGroupKeyRule(),
                        execLogGroup("kms_data"),
                        "does not allow CloudWatch Logs"),
                example(
                        "Chatbot through the default provider (ap-northeast-1)",
                        new ChatbotRegionRule(),
                        chatbot("", "ap-southeast-1"),
                        "no provider alias"),
                example(
                        "Chatbot alias in a region without the Chatbot API",
                        new ChatbotRegionRule(),
                        chatbot("provider = aws.chatbot", "ap-northeast-1"),
                        "has no Chatbot API"),
                example(
                        "/static/* without an origin request policy",
                        new CloudFrontOriginHostRule(),
                        staticBehaviour("", "\"Host\""),
                        "Host is not forwarded"),
                example(
                        "/static/* with a policy that leaves Host out",
                        new CloudFrontOriginHostRule(),
                        staticBehaviour(
                                "origin_request_policy_id = aws_cloudfront_origin_request_policy.static_assets.id",
                                "\"CloudFront-Viewer-Country\""),
                        "does not forward Host"),
                example(
                        "execution role limited to the app repositories",
                        new GuardDutyAgentPullRule(),
                        executionRole(""),
                        "aws-guardduty-agent-fargate"),
                example(
                        "session announcements without a trail",
                        new CloudTrailForApiEventsRule(),
                        sessionAnnouncements(""),
                        "there is no trail"),
                example(
                        "a trail of read events only",
                        new CloudTrailForApiEventsRule(),
                        sessionAnnouncements(TRAIL.replace("WriteOnly", "ReadOnly")),
                        "records write management events"),
                example(
                        "cluster engine_version pinned beside automatic minor upgrades",
                        new EngineVersionDriftRule(),
                        aurora("", ""),
                        "ignore_changes = [engine_version]"),
                example(
                        "instance engine_version pinned",
                        new EngineVersionDriftRule(),
                        aurora(IGNORE_ENGINE_VERSION, "engine_version = \"16.6\""),
                        "the instance follows its cluster"),
                example(
                        "common rule set blocking the API's large bodies",
                        new WafBodySizeRule(),
                        waf("", SIZE_LABEL_RULE),
                        "override SizeRestrictions_BODY to count"),
                example(
                        "large bodies no longer blocked anywhere",
                        new WafBodySizeRule(),
                        waf(SIZE_OVERRIDE, ""),
                        "no rule matches its label"));
    }

    static Stream<Named<Example>> fixed() {
        return Stream.of(
                example(
                        "ECS Exec log group on the platform key",
                        new LogGroupKeyRule(),
                        execLogGroup("kms_platform"),
                        ""),
                example(
                        "Chatbot through an ap-southeast-1 alias",
                        new ChatbotRegionRule(),
                        chatbot("provider = aws.chatbot", "ap-southeast-1"),
                        ""),
                example(
                        "/static/* forwarding Host",
                        new CloudFrontOriginHostRule(),
                        staticBehaviour(
                                "origin_request_policy_id = aws_cloudfront_origin_request_policy.static_assets.id",
                                "\"Host\""),
                        ""),
                example(
                        "execution role that may pull the agent",
                        new GuardDutyAgentPullRule(),
                        executionRole(AGENT_STATEMENT),
                        ""),
                example(
                        "session announcements with a trail",
                        new CloudTrailForApiEventsRule(),
                        sessionAnnouncements(TRAIL),
                        ""),
                example(
                        "engine_version ignored after creation",
                        new EngineVersionDriftRule(),
                        aurora(IGNORE_ENGINE_VERSION, ""),
                        ""),
                example(
                        "body limit counted, blocked outside the API",
                        new WafBodySizeRule(),
                        waf(SIZE_OVERRIDE, SIZE_LABEL_RULE),
                        ""));
    }

    private static Named<Example> example(String name, PolicyRule rule, Map<String, String> files, String expected) {
        return Named.of(name, new Example(rule, files, expected));
    }
}
