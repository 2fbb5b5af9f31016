package dev.kurashi.catalog;

import java.util.List;

/**
 * A product as staff create or replace it. The shop's request record validates the shape (patterns, lengths);
 * {@link ProductAdminService} checks again what only it can know (category exists, slug and SKU codes free).
 */
public record SaveProductCommand(
        String slug,
        String name,
        String brand,
        String description,
        String category,
        int taxRate,
        List<String> images,
        List<SkuLine> skus) {

    public record SkuLine(String sku, String label, int priceJpy) {}
}
