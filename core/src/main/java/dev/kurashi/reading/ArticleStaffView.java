package dev.kurashi.reading;

import java.time.Instant;
import java.util.List;

/** An article as staff saved it, whatever its status: the answer to a create or replace. */
public record ArticleStaffView(
        String slug,
        String title,
        String lead,
        String bodyHtml,
        String heroImageUrl,
        List<String> tags,
        List<String> featuredProductSlugs,
        Instant publishAt,
        ArticleStatus status,
        Instant updatedAt) {}
