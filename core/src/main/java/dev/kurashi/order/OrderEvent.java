package dev.kurashi.order;

import dev.kurashi.outbox.DomainEvent;
import java.util.UUID;

/** An event of one order: the outbox keeps the events of an order in order, keyed by its id. */
public interface OrderEvent extends DomainEvent {

    UUID orderId();

    /** The order's customer, whom the notices go to. */
    long customerId();

    @Override
    default String aggregateType() {
        return "order";
    }

    @Override
    default String aggregateId() {
        return orderId().toString();
    }
}
