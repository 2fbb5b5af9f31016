package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;

/** Every bucket has a public access block with all four flags on. */
final class PrivateBucketsRule implements PolicyRule {

    private static final List<String> FLAGS =
            List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets");

    @Override
    public String description() {
        return "No public S3 bucket (public access block, all four flags true)";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        List<TerraformTree.Block> buckets = tree.resources("aws_s3_bucket").toList();
        for (TerraformTree.Block bucket : buckets) {
            String address = "aws_s3_bucket." + bucket.name();
            List<TerraformTree.Block> blocks = tree.inDir(bucket.dir())
                    .filter(b -> b.type().equals("aws_s3_bucket_public_access_block"))
                    .filter(b -> Hcl.refersTo(b.get("bucket"), address))
                    .toList();
            if (blocks.isEmpty()) {
                violations.add(bucket.where() + ": no aws_s3_bucket_public_access_block for it");
            }
            for (TerraformTree.Block block : blocks) {
                for (String flag : FLAGS) {
                    if (!Hcl.isTrue(block.get(flag))) {
                        violations.add(block.where() + ": " + flag + " must be true");
                    }
                }
            }
        }
        return new Findings(buckets.size(), violations);
    }
}
