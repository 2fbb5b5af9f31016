package dev.kurashi.shop.search;

import dev.kurashi.catalog.ProductSummary;
import java.util.List;

/** {@code GET /search}: products as list items, articles (with the reading issue; empty until then). */
public record SearchResponse(List<ProductSummary> products, List<Object> articles, boolean degraded) {}
