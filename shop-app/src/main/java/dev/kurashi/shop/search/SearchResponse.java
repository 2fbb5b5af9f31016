package dev.kurashi.shop.search;

import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.reading.ArticleSummary;
import java.util.List;

/** {@code GET /search}: products and articles as their list items, and whether SQL answered. */
public record SearchResponse(List<ProductSummary> products, List<ArticleSummary> articles, boolean degraded) {}
