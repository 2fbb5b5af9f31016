package dev.kurashi.queueworker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kurashi.catalog.ProductChanged;
import dev.kurashi.order.OrderPlaced;
import dev.kurashi.outbox.DomainEvent;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Handlers are found by the simple name of the event class they declare, and one event type has one handler. */
class MessagePipelineTest {

    private record Handler<E extends DomainEvent>(Class<E> eventClass) implements MessageHandler<E> {

        @Override
        public Idempotency idempotency() {
            return Idempotency.none();
        }

        @Override
        public void handle(E event, InboundMessage message) {}
    }

    @Test
    void keyedByTheWireNameOfTheEventClass() {
        var byType = MessagePipeline.byEventType(
                List.of(new Handler<>(OrderPlaced.class), new Handler<>(ProductChanged.class)));
        assertThat(byType).containsOnlyKeys("OrderPlaced", "ProductChanged");
        assertThat(new OrderPlaced(UUID.randomUUID(), 1).eventType())
                .isEqualTo(byType.get("OrderPlaced").eventType());
    }

    @Test
    void twoHandlersForOneEventAreRefused() {
        assertThatThrownBy(() -> MessagePipeline.byEventType(
                        List.of(new Handler<>(OrderPlaced.class), new Handler<>(OrderPlaced.class))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OrderPlaced");
    }
}
