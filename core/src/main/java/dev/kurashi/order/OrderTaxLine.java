package dev.kurashi.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * One tax rate of an order, as a qualified invoice (適格請求書) shows it: the tax-included amount taxed at
 * {@link #rate} and the tax contained in it, computed once per rate, never per line.
 */
@Entity
@Table(name = "order_tax_lines")
@IdClass(OrderTaxLine.Key.class)
public class OrderTaxLine {

    /** Derived identity: {@code order} holds the order's id. */
    public record Key(UUID order, Short rate) implements Serializable {}

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    public Order order;

    @Id
    @Column(nullable = false)
    public Short rate;

    @Column(name = "taxable_jpy", nullable = false)
    public int taxableJpy;

    @Column(name = "tax_jpy", nullable = false)
    public int taxJpy;
}
