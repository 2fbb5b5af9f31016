package dev.kurashi.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.regex.Pattern;

/** A sellable variant of a product (colour, size); its stock lives in {@code inventory}. */
@Entity
@Table(name = "skus")
public class Sku {

    public static final Pattern CODE = Pattern.compile("[A-Z0-9-]{3,40}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false)
    public Product product;

    @Column(nullable = false)
    public String label;

    /** Tax-included price in yen, always positive. */
    @Column(name = "price_jpy", nullable = false)
    public int priceJpy;

    /** A SKU that has been ordered is hidden instead of deleted. */
    @Column(nullable = false)
    public boolean hidden;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;
}
