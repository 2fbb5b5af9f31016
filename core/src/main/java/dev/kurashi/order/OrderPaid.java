package dev.kurashi.order;

import dev.kurashi.outbox.DomainEvent;
import java.util.UUID;

/** The money of an unpaid (konbini) order arrived: the customer gets a mail, the warehouse may ship. */
public record OrderPaid(UUID orderId, long customerId) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "order";
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
