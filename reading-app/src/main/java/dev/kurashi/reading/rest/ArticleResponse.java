package dev.kurashi.reading.rest;

import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.reading.ArticleDetail;
import java.time.Instant;
import java.util.List;

/** {@code GET /articles/{slug}} exactly as docs/api.md gives it. */
public record ArticleResponse(
        String slug,
        String title,
        String lead,
        String bodyHtml,
        Instant publishedAt,
        List<String> tags,
        List<ProductSummary> featuredProducts) {

    static ArticleResponse of(ArticleDetail a) {
        return new ArticleResponse(
                a.slug(), a.title(), a.lead(), a.bodyHtml(), a.publishedAt(), a.tags(), a.featuredProducts());
    }
}
