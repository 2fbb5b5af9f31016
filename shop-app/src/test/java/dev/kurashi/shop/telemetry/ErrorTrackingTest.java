package dev.kurashi.shop.telemetry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.devstack.client.Devstack;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * An unhandled error during an order request reaches the error sink (Sentry's envelope endpoint in the devstack)
 * exactly once, with the trace id of the request and a hashed customer id, and with none of the order's personal
 * fields, although the exception's message quotes them all.
 */
@QuarkusTest
class ErrorTrackingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> PERSONAL =
            List.of("山田花子", "150-0001", "東京都", "渋谷区", "神宮前1-2-3", "03-1234-5678", "tok_visa_4242", "hanako@example.jp");

    @Test
    void anUnhandledErrorIsReportedOnceWithItsTraceIdAndNoPersonalData() throws Exception {
        String traceId = hex(16);
        String user = "hanako-" + UUID.randomUUID().toString().substring(0, 8);
        String order =
                """
                {"shippingAddress":{"name":"山田花子","postalCode":"150-0001","prefecture":"東京都",
                 "city":"渋谷区","line1":"神宮前1-2-3","phone":"03-1234-5678","email":"hanako@example.jp"},
                 "payment":{"method":"card","cardToken":"tok_visa_4242"}}""";

        given().header("Authorization", "Bearer " + Devstack.token(user, false))
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .contentType("application/json")
                .body(order)
                .post("/api/test-probe/failing-order")
                .then()
                .statusCode(500);

        List<JsonNode> events = eventsOf(traceId, Duration.ofSeconds(15));
        // anything sent twice would arrive within the same flush; give it a moment
        Thread.sleep(1500);
        events = eventsOf(traceId, Duration.ZERO);

        assertThat(events).hasSize(1);
        JsonNode event = events.getFirst();
        assertThat(event.path("contexts").path("trace").path("trace_id").asText())
                .isEqualTo(traceId);
        assertThat(event.path("level").asText()).isEqualTo("error");
        assertThat(event.path("environment").asText()).isNotBlank();
        assertThat(event.path("release").asText()).isNotBlank();
        assertThat(event.path("exception").path("values").get(0).path("type").asText())
                .isEqualTo("IllegalStateException");
        assertThat(event.path("user").path("id").asText()).matches("[0-9a-f]{16}");
        assertThat(event.path("user").has("ip_address")).isFalse();
        assertThat(event.has("request")).isFalse();
        String sent = event.toString();
        assertThat(PERSONAL).noneMatch(sent::contains);
        assertThat(sent).doesNotContain(user).doesNotContain("Bearer");
    }

    private static List<JsonNode> eventsOf(String traceId, Duration wait) throws Exception {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode record : JSON.readTree(Devstack.errors())) {
                JsonNode event = record.path("event");
                if (traceId.equals(event.path("tags").path("trace_id").asText())) {
                    found.add(event);
                }
            }
            if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(200);
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
