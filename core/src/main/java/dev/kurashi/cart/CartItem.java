package dev.kurashi.cart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One SKU in a cart; at most one row per SKU. */
@Entity
@Table(name = "cart_items")
@IdClass(CartItem.Key.class)
public class CartItem {

    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 99;

    /** Derived identity: {@code cart} holds the cart's id. */
    public record Key(Long cart, Long skuId) implements Serializable {}

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cart_id", nullable = false)
    public Cart cart;

    /** {@code skus.id}; the catalog owns SKUs, so this is a plain key. */
    @Id
    @Column(name = "sku_id")
    public Long skuId;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "added_at", nullable = false, updatable = false)
    public Instant addedAt;

    protected CartItem() {}

    public CartItem(Cart cart, long skuId, int quantity) {
        this.cart = cart;
        this.skuId = skuId;
        this.addedAt = Instant.now();
        setQuantity(quantity);
    }

    public void setQuantity(int quantity) {
        if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be 1..99: " + quantity);
        }
        this.quantity = quantity;
    }
}
