package dev.kurashi.queueworker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.redrive.DeadLetterRedrive;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * A message whose handler always fails is received 5 times (with the test profile's 1 s back-off), then the
 * queue's redrive policy moves it to the DLQ; the redrive command brings it back, and once the handler is fixed it
 * is handled. The failed counter moves on each of the five failures, the dead-lettered counter on the last.
 */
@QuarkusTest
class DeadLetterTest {

    @Inject
    SqsClient sqs;

    @Inject
    PoisonHandler poison;

    @Inject
    DeadLetterRedrive redrive;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "kurashi.queues.notifications")
    String queue;

    @ConfigProperty(name = "kurashi.queues.notifications-dlq")
    String dlq;

    @Test
    void aPoisonMessageLandsInTheDlqAfterFiveReceivesAndTheRedriveBringsItBack() {
        UUID eventId = UUID.randomUUID();
        double failedBefore = count("kurashi.messages.failed");
        double deadLetteredBefore = count("kurashi.messages.dead.lettered");
        double handledBefore = count("kurashi.messages.handled");
        poison.fail(eventId);
        sqs.sendMessage(r -> r.queueUrl(queue)
                .messageBody("{}")
                .messageAttributes(Map.of(
                        InboundMessage.EVENT_TYPE, text("TestPoison"),
                        InboundMessage.EVENT_ID, text(eventId.toString()))));

        Eventually.await("the message in the DLQ", Duration.ofSeconds(60), () -> inDlq(eventId), found -> found);
        assertThat(poison.maxReceiveCount(eventId)).isEqualTo(5);
        assertThat(poison.succeeded(eventId)).isFalse();
        assertThat(count("kurashi.messages.failed") - failedBefore).isEqualTo(5);
        assertThat(count("kurashi.messages.dead.lettered") - deadLetteredBefore).isEqualTo(1);
        assertThat(count("kurashi.messages.handled") - handledBefore).isZero();

        poison.heal(eventId);
        int moved = redrive.redrive("kurashi-notifications");
        assertThat(moved).isGreaterThanOrEqualTo(1);
        Eventually.await(
                "the redriven message handled", Duration.ofSeconds(20), () -> poison.succeeded(eventId), ok -> ok);
        assertThat(inDlq(eventId)).isFalse();
        assertThat(count("kurashi.messages.handled") - handledBefore).isEqualTo(1);
        assertThat(count("kurashi.messages.dead.lettered") - deadLetteredBefore).isEqualTo(1);
    }

    /** This queue's counter for TestPoison (0 before its first increment). */
    private double count(String name) {
        Counter counter = metrics.find(name)
                .tags("queue", "kurashi-notifications", "event_type", "TestPoison")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Looks at the DLQ without taking anything from it (visibility 0). */
    private boolean inDlq(UUID eventId) {
        for (Message m : sqs.receiveMessage(r -> r.queueUrl(dlq)
                        .maxNumberOfMessages(10)
                        .visibilityTimeout(0)
                        .messageAttributeNames("All"))
                .messages()) {
            MessageAttributeValue id = m.messageAttributes().get(InboundMessage.EVENT_ID);
            if (id != null && id.stringValue().equals(eventId.toString())) {
                return true;
            }
        }
        return false;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
