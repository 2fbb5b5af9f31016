package dev.kurashi.inventory;

import dev.kurashi.outbox.DomainEvent;

/** A SKU's stock went from 0 to more than 0; customers who favorited its product hear about it once. */
public record StockReplenished(String sku, String productSlug, int quantity, long restockId) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "sku";
    }

    @Override
    public String aggregateId() {
        return sku;
    }
}
