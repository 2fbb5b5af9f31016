package dev.kurashi.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;

/** A message a consumer has handled, written in the same transaction as the handling's effect. */
@Entity
@Table(name = "processed_messages")
@IdClass(ProcessedMessage.Key.class)
public class ProcessedMessage {

    public record Key(String consumer, String messageId) implements Serializable {}

    @Id
    public String consumer;

    @Id
    @Column(name = "message_id")
    public String messageId;

    @CreationTimestamp
    @Column(name = "processed_at", nullable = false, updatable = false)
    public Instant processedAt;
}
