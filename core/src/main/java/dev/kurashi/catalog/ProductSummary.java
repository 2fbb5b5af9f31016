package dev.kurashi.catalog;

/**
 * A product as lists show it. {@code priceJpy} is the lowest price of its visible SKUs, {@code inStock} whether
 * any visible SKU has stock, {@code imageUrl} its first image (null when it has none).
 */
public record ProductSummary(
        long id, String slug, String name, String brand, Integer priceJpy, String imageUrl, boolean inStock) {}
