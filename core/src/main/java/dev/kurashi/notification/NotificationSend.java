package dev.kurashi.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One mail or push a consumer decided to send, recorded (PENDING, leased) before the provider is called and
 * marked SENT after; written only through {@link NotificationSendRepository}'s statements.
 */
@Entity
@Table(name = "notification_sends")
public class NotificationSend {

    public enum Status {
        PENDING,
        SENT,
        UNREGISTERED
    }

    @Id
    @Column(name = "dedupe_id")
    public String dedupeId;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(nullable = false, updatable = false)
    public String channel;

    @Column(nullable = false, updatable = false)
    public String recipient;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "lease_until", nullable = false)
    public Instant leaseUntil;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
