package dev.kurashi.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;

/**
 * An {@code Idempotency-Key} a customer sent with a request: claimed {@code IN_FLIGHT} before the work,
 * {@code DONE} with the response to replay after it.
 */
@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey {

    public static final int MAX_LENGTH = 255;

    public record Key(Long customerId, String idemKey) implements Serializable {}

    public enum State {
        IN_FLIGHT,
        DONE
    }

    @Id
    @Column(name = "customer_id")
    public Long customerId;

    @Id
    @Column(name = "idem_key", length = MAX_LENGTH)
    public String idemKey;

    /** Hash of the request body: the same key with another body is refused. */
    @Column(name = "request_hash", nullable = false, updatable = false)
    public String requestHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "response_body")
    public String responseBody;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
