package dev.kurashi.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A product a customer marked as favorite; on a sold-out product it also subscribes to restock alerts. */
@Entity
@Table(name = "favorites")
@IdClass(Favorite.Key.class)
public class Favorite {

    public record Key(Long customerId, Long productId) implements Serializable {}

    @Id
    @Column(name = "customer_id")
    public Long customerId;

    /** {@code products.id}; the catalog owns products, so this is a plain key. */
    @Id
    @Column(name = "product_id")
    public Long productId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    protected Favorite() {}

    public Favorite(long customerId, long productId) {
        this.customerId = customerId;
        this.productId = productId;
        this.createdAt = Instant.now();
    }
}
