package dev.kurashi.catalog;

import dev.kurashi.common.Timestamped;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** A product of the catalog. What is sold (price, stock) is its {@link Sku}s. */
@Entity
@Table(name = "products")
public class Product extends Timestamped {

    /** Standard consumption tax rate in percent. */
    public static final short STANDARD_TAX_RATE = 10;
    /** Reduced rate for food and drink (軽減税率). */
    public static final short REDUCED_TAX_RATE = 8;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String brand;

    @Column(nullable = false)
    public String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id", nullable = false)
    public Category category;

    /** 10 or 8 (percent); the database enforces it too. */
    @Column(name = "tax_rate", nullable = false)
    public short taxRate = STANDARD_TAX_RATE;

    @Column(nullable = false)
    public boolean active = true;

    @Version
    @Column(nullable = false)
    public long version;

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder, id")
    public List<ProductImage> images = new ArrayList<>();

    /** SKUs are never removed from a product once ordered (they are hidden), so no orphan removal here. */
    @OneToMany(mappedBy = "product", cascade = CascadeType.PERSIST)
    @OrderBy("sortOrder, id")
    public List<Sku> skus = new ArrayList<>();

    public static boolean isValidTaxRate(int rate) {
        return rate == STANDARD_TAX_RATE || rate == REDUCED_TAX_RATE;
    }
}
