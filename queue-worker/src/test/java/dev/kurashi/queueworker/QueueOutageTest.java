package dev.kurashi.queueworker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.devstack.client.Devstack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The queue-down drill as a test (ADR 1101): SQS is cut off (every connection reset, new ones refused) while
 * events are committed. Nothing is sent meanwhile and nothing is lost: the events wait in the outbox, and once SQS
 * is back each one takes effect exactly once (one restock mail per event, distinct dedupe ids), without a restart.
 */
@QuarkusTest
class QueueOutageTest {

    private static final int EVENTS = 30;

    @Inject
    EntityManager em;

    @Inject
    TestData data;

    @Test
    void eventsCommittedWhileSqsIsDownWaitInTheOutboxAndTakeEffectOnceWhenItIsBack() throws Exception {
        String suffix = TestData.suffix();
        String email = "queue-down-" + suffix + "@example.invalid";
        String slug = "queue-down-" + suffix;
        String sku = data.product(slug, "雪どけ色のマグ", 10, 2200, 5);
        QuarkusTransaction.requiringNew().run(() -> {
            long customer = ((Number) em.createNativeQuery(
                                    "INSERT INTO customers (cognito_sub, email, display_name) VALUES (?1, ?2, 'Q')"
                                            + " RETURNING id")
                            .setParameter(1, "queue-down-" + suffix)
                            .setParameter(2, email)
                            .getSingleResult())
                    .longValue();
            em.createNativeQuery("INSERT INTO favorites (customer_id, product_id) SELECT ?1, id FROM products"
                            + " WHERE slug = ?2")
                    .setParameter(1, customer)
                    .setParameter(2, slug)
                    .executeUpdate();
        });

        List<UUID> events = new ArrayList<>();
        Devstack.fault("sqs", 60);
        try {
            for (int i = 0; i < EVENTS; i++) {
                UUID event = UUID.randomUUID();
                events.add(event);
                long restock = Math.abs(event.getMostSignificantBits() % 1_000_000_000L) + i;
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO outbox"
                                + " (event_id, event_type, aggregate_type, aggregate_id, payload)"
                                + " VALUES (?1, 'StockReplenished', 'sku', ?2, cast(?3 as jsonb))")
                        .setParameter(1, event)
                        .setParameter(2, sku)
                        .setParameter(
                                3,
                                "{\"sku\":\"" + sku + "\",\"productSlug\":\"" + slug
                                        + "\",\"quantity\":1,\"restockId\":" + restock + "}")
                        .executeUpdate());
            }
            Thread.sleep(3_000);
            assertThat(unsent(events))
                    .as("events wait in the outbox while SQS is down")
                    .isEqualTo(EVENTS);
            assertThat(mailDedupeIds(email))
                    .as("nothing is sent while SQS is down")
                    .isEmpty();
        } finally {
            Devstack.endFault("sqs");
        }

        Set<String> expected = new HashSet<>();
        for (UUID event : events) {
            expected.add(dev.kurashi.notification.Dedupe.id(event, "mail", email));
        }
        Eventually.await(
                "every event's mail once SQS is back",
                Duration.ofMinutes(2),
                () -> new HashSet<>(mailDedupeIds(email)),
                seen -> seen.size() >= EVENTS);
        List<String> mails = mailDedupeIds(email);
        assertThat(new HashSet<>(mails)).isEqualTo(expected);
        assertThat(mails).as("no event took effect twice").hasSize(EVENTS);
        assertThat(unsent(events)).isZero();
    }

    private long unsent(List<UUID> events) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number)
                        em.createNativeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND event_id = ANY(?1)")
                                .setParameter(1, events.toArray(UUID[]::new))
                                .getSingleResult())
                .longValue());
    }

    private static List<String> mailDedupeIds(String email) {
        return TestData.records(Devstack.mail(), record -> email.equals(TestData.mailTo(record))).stream()
                .map(TestData::mailDedupeId)
                .toList();
    }
}
