package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Every data store is encrypted at rest: Aurora, OpenSearch, SQS, S3, ECR, SNS. */
final class EncryptionAtRestRule implements PolicyRule {

    @Override
    public String description() {
        return "Encryption at rest everywhere (Aurora, OpenSearch, SQS, S3, ECR, SNS)";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        AtomicInteger checked = new AtomicInteger();
        Map<String, Function<TerraformTree.Block, String>> checks = Map.of(
                "aws_rds_cluster", EncryptionAtRestRule::aurora,
                "aws_opensearch_domain", EncryptionAtRestRule::openSearch,
                "aws_sqs_queue", EncryptionAtRestRule::queue,
                "aws_ecr_repository", EncryptionAtRestRule::repository,
                "aws_sns_topic",
                        topic -> topic.get("kms_master_key_id") == null ? "kms_master_key_id is not set" : null,
                "aws_s3_bucket", bucket -> bucket(tree, bucket));
        checks.forEach((type, check) -> tree.resources(type).forEach(resource -> {
            checked.incrementAndGet();
            String problem = check.apply(resource);
            if (problem != null) {
                violations.add(resource.where() + ": " + problem);
            }
        }));
        return new Findings(checked.get(), violations);
    }

    private static String aurora(TerraformTree.Block cluster) {
        if (!Hcl.isTrue(cluster.get("storage_encrypted"))) {
            return "storage_encrypted must be true";
        }
        return cluster.get("kms_key_id") == null ? "kms_key_id (a customer managed key) is not set" : null;
    }

    private static String openSearch(TerraformTree.Block domain) {
        Map<String, Object> body = domain.body();
        if (!enabled(body, "encrypt_at_rest")) {
            return "encrypt_at_rest must be enabled";
        }
        if (!enabled(body, "node_to_node_encryption")) {
            return "node_to_node_encryption must be enabled";
        }
        boolean https = Hcl.block(body, "domain_endpoint_options")
                .map(options -> Hcl.isTrue(options.get("enforce_https")))
                .orElse(false);
        return https ? null : "domain_endpoint_options.enforce_https must be true";
    }

    private static boolean enabled(Map<String, Object> body, String block) {
        return Hcl.block(body, block).map(b -> Hcl.isTrue(b.get("enabled"))).orElse(false);
    }

    private static String queue(TerraformTree.Block queue) {
        boolean sse = Hcl.isTrue(queue.get("sqs_managed_sse_enabled")) || queue.get("kms_master_key_id") != null;
        return sse ? null : "needs sqs_managed_sse_enabled = true or kms_master_key_id";
    }

    private static String repository(TerraformTree.Block repository) {
        boolean encrypted = Hcl.block(repository.body(), "encryption_configuration")
                .map(config -> Set.of("KMS", "AES256").contains(config.get("encryption_type")))
                .orElse(false);
        return encrypted ? null : "needs an encryption_configuration (KMS or AES256)";
    }

    private static String bucket(TerraformTree tree, TerraformTree.Block bucket) {
        String address = "aws_s3_bucket." + bucket.name();
        boolean encrypted = tree.inDir(bucket.dir())
                .filter(b -> b.type().equals("aws_s3_bucket_server_side_encryption_configuration"))
                .filter(config -> Hcl.refersTo(config.get("bucket"), address))
                .anyMatch(config -> Hcl.block(config.body(), "rule")
                        .flatMap(rule -> Hcl.block(rule, "apply_server_side_encryption_by_default"))
                        .isPresent());
        return encrypted ? null : "no aws_s3_bucket_server_side_encryption_configuration for it";
    }
}
