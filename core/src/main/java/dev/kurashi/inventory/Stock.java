package dev.kurashi.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * On-hand stock of one SKU. Never changed by read-then-write in Java: use the conditional updates of
 * {@link StockRepository}; the database rejects a negative value anyway.
 */
@Entity
@Table(name = "stock")
public class Stock {

    /** The SKU ({@code skus.id}); the catalog owns SKUs, so this is a plain key, not a relation. */
    @Id
    @Column(name = "sku_id")
    public Long skuId;

    @Column(name = "on_hand", nullable = false)
    public int onHand;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected Stock() {}

    public Stock(long skuId, int onHand) {
        if (onHand < 0) {
            throw new IllegalArgumentException("stock cannot be negative: " + onHand);
        }
        this.skuId = skuId;
        this.onHand = onHand;
        this.updatedAt = Instant.now();
    }
}
