package dev.kurashi.cart;

import dev.kurashi.outbox.DomainEvent;
import java.time.Instant;

/**
 * A cart with items was left untouched for a day: the reminder mail's trigger. Written once per cart change
 * (the change resets {@code carts.reminded_at}); {@code cartUpdatedAt} identifies that change.
 */
public record CartAbandoned(long cartId, long customerId, Instant cartUpdatedAt) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "cart";
    }

    @Override
    public String aggregateId() {
        return Long.toString(cartId);
    }
}
