package dev.kurashi.catalog;

import java.util.List;

/**
 * What the search index holds for one active product. {@code categories} is the product's category slug
 * followed by its ancestors', so a filter on a parent category finds the products of its children.
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
        boolean inStock) {}
