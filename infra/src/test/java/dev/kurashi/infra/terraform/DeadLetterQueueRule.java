package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;

/**
 * Every queue that is not itself a dead-letter queue has one: a redrive policy naming a DLQ and a receive count.
 * A queue is a DLQ when another queue's redrive policy targets it.
 */
final class DeadLetterQueueRule implements PolicyRule {

    @Override
    public String description() {
        return "Every SQS queue has a dead-letter queue";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        List<TerraformTree.Block> queues = tree.resources("aws_sqs_queue").toList();
        for (TerraformTree.Block queue : queues) {
            if (isDeadLetterQueue(queues, queue)) {
                continue;
            }
            String policy = String.valueOf(queue.get("redrive_policy"));
            boolean separatePolicy = tree.resources("aws_sqs_queue_redrive_policy")
                    .filter(p -> p.dir().equals(queue.dir()))
                    .anyMatch(p -> Hcl.refersTo(p.get("queue_url"), "aws_sqs_queue." + queue.name()));
            boolean redrives = policy.contains("deadLetterTargetArn") && policy.contains("maxReceiveCount");
            if (!redrives && !separatePolicy) {
                violations.add(queue.where() + ": no redrive policy to a dead-letter queue");
            }
        }
        return new Findings(queues.size(), violations);
    }

    private static boolean isDeadLetterQueue(List<TerraformTree.Block> queues, TerraformTree.Block candidate) {
        String address = "aws_sqs_queue." + candidate.name();
        return queues.stream()
                .filter(q -> q != candidate && q.dir().equals(candidate.dir()))
                .map(q -> String.valueOf(q.get("redrive_policy")))
                .anyMatch(policy -> policy.contains("deadLetterTargetArn") && policy.contains(address + "."));
    }
}
