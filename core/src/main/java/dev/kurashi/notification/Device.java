package dev.kurashi.notification;

import dev.kurashi.common.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A push token of a customer's phone (APNs through Gunfish, or FCM). */
@Entity
@Table(name = "devices")
public class Device extends Timestamped {

    @Id
    public String token;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Column(nullable = false)
    public Platform platform;

    /** SHA-256 (hex) of the app install's secret id; null for tokens registered before installs were bound. */
    @Column(name = "install_id_hash")
    public String installIdHash;
}
