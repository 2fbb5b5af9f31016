package dev.kurashi.cart;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A customer's one cart. */
@Entity
@Table(name = "carts")
public class Cart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false, unique = true, updatable = false)
    public Long customerId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the abandoned-cart reminder went out; reset when the cart changes. */
    @Column(name = "reminded_at")
    public Instant remindedAt;

    @OneToMany(mappedBy = "cart", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("addedAt, skuId")
    public List<CartItem> items = new ArrayList<>();

    protected Cart() {}

    public Cart(long customerId) {
        this.customerId = customerId;
        this.updatedAt = Instant.now();
    }

    /** Every change to the items goes through here so the reminder clock restarts. */
    public void touch() {
        updatedAt = Instant.now();
        remindedAt = null;
    }
}
