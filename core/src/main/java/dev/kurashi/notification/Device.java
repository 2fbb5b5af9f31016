package dev.kurashi.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** A push token of a customer's phone (APNs through Gunfish, or FCM). */
@Entity
@Table(name = "devices")
public class Device {

    @Id
    public String token;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Column(nullable = false)
    public Platform platform;

    /** SHA-256 (hex) of the app install's secret id; null for tokens registered before installs were bound. */
    @Column(name = "install_id_hash")
    public String installIdHash;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
