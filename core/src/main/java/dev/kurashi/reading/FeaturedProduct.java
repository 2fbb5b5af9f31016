package dev.kurashi.reading;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A product shown with an article, by {@code products.id} (the catalog owns products). */
@Embeddable
class FeaturedProduct {

    @Column(name = "product_id", nullable = false)
    public Long productId;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    protected FeaturedProduct() {}

    public FeaturedProduct(long productId, int sortOrder) {
        this.productId = productId;
        this.sortOrder = sortOrder;
    }
}
