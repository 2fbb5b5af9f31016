package dev.kurashi.reading;

import java.time.Instant;
import java.util.List;

/**
 * An article as staff create or replace it. {@code publishAt} null keeps it a draft; a future instant schedules
 * it. The REST request record validates the shape; {@link ArticleAdminService} checks again what only it can
 * know (featured products exist, slug free) and sanitizes {@code bodyHtml}.
 */
public record SaveArticleCommand(
        String slug,
        String title,
        String lead,
        String bodyHtml,
        String heroImageUrl,
        List<String> tags,
        List<String> featuredProductSlugs,
        Instant publishAt) {}
