package dev.kurashi.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A snapshot of what was bought: later catalog changes never alter a placed order. */
@Entity
@Table(name = "order_lines")
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    public Order order;

    @Column(name = "sku_id", nullable = false)
    public Long skuId;

    @Column(name = "sku_code", nullable = false)
    public String skuCode;

    @Column(name = "product_slug", nullable = false)
    public String productSlug;

    @Column(name = "product_name", nullable = false)
    public String productName;

    @Column(name = "sku_label", nullable = false)
    public String skuLabel;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price_jpy", nullable = false)
    public int unitPriceJpy;

    @Column(name = "tax_rate", nullable = false)
    public short taxRate;

    /** Always {@code unitPriceJpy * quantity} (the database checks it). */
    @Column(name = "line_total_jpy", nullable = false)
    public int lineTotalJpy;
}
