package dev.kurashi.order;

import dev.kurashi.outbox.DomainEvent;
import java.util.UUID;

/** An order was placed; the customer gets a confirmation mail and push. */
public record OrderPlaced(UUID orderId, long customerId) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "order";
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
