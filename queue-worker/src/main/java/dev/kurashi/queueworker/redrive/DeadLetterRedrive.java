package dev.kurashi.queueworker.redrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Moves every message of a queue's dead-letter queue back to the queue: receive, send (same body and attributes,
 * so the same eventId), then delete what was sent. A crash between send and delete leaves a copy in the DLQ,
 * which a second redrive sends again and the idempotent consumers absorb. Works on SQS and ElasticMQ alike (SQS's
 * StartMessageMoveTask would do the same asynchronously; see ADR 0004).
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);
    private static final int BATCH = 10;
    /** Long enough to send and delete a batch; a message left behind reappears in the DLQ afterwards. */
    private static final int VISIBILITY_SECONDS = 60;
    /** Empty receives in a row after which the DLQ counts as drained (SQS may answer empty while messages remain). */
    private static final int EMPTY_RECEIVES = 3;

    private final SqsClient sqs;
    private final ObjectMapper json;

    DeadLetterRedrive(SqsClient sqs, ObjectMapper json) {
        this.sqs = sqs;
        this.json = json;
    }

    /** Redrives the DLQ of {@code queueName} (from its RedrivePolicy) into it; answers how many moved. */
    public int redrive(String queueName) {
        String sourceUrl = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
        String dlqUrl = sqs.getQueueUrl(r -> r.queueName(deadLetterQueueName(sourceUrl, queueName)))
                .queueUrl();
        int moved = 0;
        int empty = 0;
        while (empty < EMPTY_RECEIVES) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(dlqUrl)
                            .maxNumberOfMessages(BATCH)
                            .waitTimeSeconds(1)
                            .visibilityTimeout(VISIBILITY_SECONDS)
                            .messageAttributeNames("All"))
                    .messages();
            if (messages.isEmpty()) {
                empty++;
                continue;
            }
            empty = 0;
            moved += move(messages, sourceUrl, dlqUrl);
        }
        LOG.infof("Redrove %d messages from %s to %s", moved, dlqUrl, sourceUrl);
        return moved;
    }

    private int move(List<Message> messages, String sourceUrl, String dlqUrl) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(m.body())
                    .messageAttributes(m.messageAttributes())
                    .build());
        }
        var sent = sqs.sendMessageBatch(r -> r.queueUrl(sourceUrl).entries(entries));
        sent.failed().forEach(f -> LOG.warnf("Redrive could not send a message: %s %s", f.code(), f.message()));
        List<DeleteMessageBatchRequestEntry> deletes = sent.successful().stream()
                .map(s -> DeleteMessageBatchRequestEntry.builder()
                        .id(s.id())
                        .receiptHandle(messages.get(Integer.parseInt(s.id())).receiptHandle())
                        .build())
                .toList();
        if (!deletes.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(dlqUrl).entries(deletes));
        }
        return deletes.size();
    }

    /** The DLQ named by the queue's RedrivePolicy, else {@code <queue>-dlq}. */
    private String deadLetterQueueName(String sourceUrl, String queueName) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(
                        r -> r.queueUrl(sourceUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes();
        String policy = attributes.get(QueueAttributeName.REDRIVE_POLICY);
        if (policy != null) {
            try {
                JsonNode target = json.readTree(policy).path("deadLetterTargetArn");
                if (target.isTextual()) {
                    String arn = target.asText();
                    return arn.substring(arn.lastIndexOf(':') + 1);
                }
            } catch (IOException e) {
                LOG.warnf("Unreadable RedrivePolicy on %s: %s", queueName, policy);
            }
        }
        return queueName + "-dlq";
    }
}
