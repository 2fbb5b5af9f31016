package dev.kurashi.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A customer to be told about one restock; at most one row per (restock, customer). */
@Entity
@Table(name = "restock_notifications")
@IdClass(RestockNotification.Key.class)
public class RestockNotification {

    public record Key(Long restockId, Long customerId) implements Serializable {}

    @Id
    @Column(name = "restock_id")
    public Long restockId;

    @Id
    @Column(name = "customer_id")
    public Long customerId;

    /** The StockReplenished event that owns the row: only its deliveries send the notification. */
    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
