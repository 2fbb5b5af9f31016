package dev.kurashi.catalog;

import java.util.List;

/** A product page without its related articles (the reading feature adds those). */
public record ProductDetail(
        long id,
        String slug,
        String name,
        String brand,
        String description,
        String category,
        List<String> images,
        int taxRate,
        List<SkuView> skus) {}
