package dev.kurashi.queueworker.relay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.outbox.Outbox;
import dev.kurashi.queueworker.Eventually;
import dev.kurashi.queueworker.RelayProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The outbox backlog gauges at /q/metrics: with the relay stopped, an event waits and the age of the oldest unsent
 * row rises; once the relay runs again it sends the row and the age falls back.
 */
@QuarkusTest
class OutboxMetricsTest {

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    SqsClient sqs;

    @Test
    void oldestUnsentAgeRisesWhileNoRelayRunsAndFallsAfter() throws InterruptedException {
        String queue =
                sqs.createQueue(r -> r.queueName("kurashi-test-relay-probe")).queueUrl();
        relay.stop(null);
        try {
            double unsentBefore = gauge("kurashi_outbox_unsent_rows");
            QuarkusTransaction.requiringNew().run(() -> outbox.append(new RelayProbe(-1)));
            Thread.sleep(1_200);
            double first = gauge("kurashi_outbox_oldest_unsent_age_seconds");
            Thread.sleep(2_200);
            double second = gauge("kurashi_outbox_oldest_unsent_age_seconds");

            assertThat(gauge("kurashi_outbox_unsent_rows")).isEqualTo(unsentBefore + 1);
            assertThat(first).isGreaterThan(0);
            assertThat(second).isGreaterThanOrEqualTo(first + 2);
        } finally {
            relay.start(null);
        }
        double during = gauge("kurashi_outbox_oldest_unsent_age_seconds");
        Eventually.await(
                "the age to fall once the relay runs",
                Duration.ofSeconds(20),
                () -> {
                    pause(1_100);
                    return gauge("kurashi_outbox_oldest_unsent_age_seconds");
                },
                age -> age < 1 || age < during - 2);
        assertThat(gauge(
                        "kurashi_relay_messages_total{app=\"queue-worker\",event_type=\"RelayProbe\",result=\"sent\"}"))
                .isGreaterThanOrEqualTo(1);
        // the relay's SQS calls are timed as an outbound client
        String text = given().get("/q/metrics").then().extract().asString();
        assertThat(text).contains("client=\"aws\",operation=\"Sqs.SendMessageBatch\"");
        sqs.purgeQueue(r -> r.queueUrl(queue));
    }

    /** The value of the sample named {@code series}: a metric name (its first sample) or a name with labels. */
    static double gauge(String series) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : text.lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int brace = line.indexOf('{');
            int end = brace > 0 && brace < line.indexOf(' ') ? line.indexOf("} ") + 1 : line.indexOf(' ');
            String key = line.substring(0, end);
            String name = brace > 0 && brace < end ? key.substring(0, brace) : key;
            if (key.equals(series) || name.equals(series)) {
                return Double.parseDouble(line.substring(end + 1).split(" ")[0]);
            }
        }
        throw new AssertionError(series + " is not in /q/metrics");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
