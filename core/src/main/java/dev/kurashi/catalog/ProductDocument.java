package dev.kurashi.catalog;

import java.util.List;

/**
 * What the search index holds for one active product. {@code categories} is the product's category slug
 * followed by its ancestors', so a filter on a parent category finds the products of its children; {@code imageUrl}
 * is the first image, so that a hit can be shown from the index alone.
 */
public record ProductDocument(
        long id,
        String slug,
        String name,
        String brand,
        String description,
        String category,
        List<String> categories,
        Integer priceJpy,
        String imageUrl,
        boolean inStock) {

    /**
     * The product as a list shows it, from the index's copy: what search answers when the database cannot
     * (ADR 1101); price and stock are as of the last indexing.
     */
    public ProductSummary summary() {
        return new ProductSummary(id, slug, name, brand, priceJpy, imageUrl, inStock);
    }
}
