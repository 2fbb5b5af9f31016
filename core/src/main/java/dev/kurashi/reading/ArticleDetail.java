package dev.kurashi.reading;

import dev.kurashi.catalog.ProductSummary;
import java.time.Instant;
import java.util.List;

/**
 * A published article as its page shows it. {@code bodyHtml} is the sanitized form stored on write;
 * {@code featuredProducts} are the active ones, in the article's order.
 */
public record ArticleDetail(
        String slug,
        String title,
        String lead,
        String bodyHtml,
        String heroImageUrl,
        Instant publishedAt,
        List<String> tags,
        List<ProductSummary> featuredProducts) {}
