package dev.kurashi.reading.rest;

import dev.kurashi.reading.ArticleRules;
import dev.kurashi.reading.SaveArticleCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /admin/articles} and {@code PUT /admin/articles/{slug}}. {@code publishAt} null (or
 * absent) keeps the article a draft. {@code bodyHtml} may hold anything: it is sanitized on write.
 */
public record ArticleRequest(
        @NotNull @Pattern(regexp = ArticleRules.SLUG) String slug,
        @NotBlank @Size(max = ArticleRules.TITLE_MAX) String title,
        @NotBlank @Size(max = ArticleRules.LEAD_MAX) String lead,
        @NotBlank @Size(max = ArticleRules.BODY_MAX) String bodyHtml,
        @Pattern(regexp = ArticleRules.IMAGE_URL, message = "must be a local path or an https URL") String heroImageUrl,
        @NotNull @Size(max = ArticleRules.TAGS_MAX) List<@NotBlank @Size(max = ArticleRules.TAG_MAX) String> tags,
        @NotNull @Size(max = ArticleRules.FEATURED_MAX)
                List<@NotNull @Pattern(regexp = ArticleRules.SLUG) String> featuredProductSlugs,
        Instant publishAt) {

    SaveArticleCommand toCommand() {
        return new SaveArticleCommand(slug, title, lead, bodyHtml, heroImageUrl, tags, featuredProductSlugs, publishAt);
    }
}
