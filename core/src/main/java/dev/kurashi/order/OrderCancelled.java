package dev.kurashi.order;

import dev.kurashi.outbox.DomainEvent;
import java.util.UUID;

/** An order was cancelled (for example an unpaid konbini order past its deadline); its stock returned. */
public record OrderCancelled(UUID orderId, long customerId, String reason) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "order";
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
