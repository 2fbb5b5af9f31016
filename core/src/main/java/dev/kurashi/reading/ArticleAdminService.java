package dev.kurashi.reading;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.ProductDocument;
import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.common.DomainException;
import dev.kurashi.outbox.Outbox;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Staff writes of articles. The body is sanitized here, on write ({@link ArticleHtmlSanitizer}), so what is
 * stored, served and indexed is the same safe HTML. Every change appends {@link ArticleChanged} to the outbox in
 * its own transaction, so the search index hears of exactly the changes that committed.
 */
@ApplicationScoped
public class ArticleAdminService {

    private static final Pattern SLUG = Pattern.compile(ArticleRules.SLUG);
    private static final Pattern IMAGE_URL = Pattern.compile(ArticleRules.IMAGE_URL);

    private final ArticleRepository articles;
    private final CatalogService catalog;
    private final Outbox outbox;

    public ArticleAdminService(ArticleRepository articles, CatalogService catalog, Outbox outbox) {
        this.articles = articles;
        this.catalog = catalog;
        this.outbox = outbox;
    }

    /** Creates an article: a draft when {@code publishAt} is null. A taken slug is CONFLICT. */
    @Transactional
    @WithSpan
    public ArticleStaffView create(SaveArticleCommand command) {
        validate(command);
        List<Long> productIds = productIds(command.featuredProductSlugs());
        if (articles.findBySlug(command.slug()).isPresent()) {
            throw taken(command.slug());
        }
        Article article = new Article();
        persisting(() -> {
            apply(article, command, productIds);
            articles.persist(article);
            articles.flush();
        });
        outbox.append(new ArticleChanged(article.slug));
        return view(article);
    }

    /**
     * Replaces an article (any status) by what the command says. The slug may change if the new one is free;
     * both slugs then get an {@link ArticleChanged} so the index drops the old one.
     */
    @Transactional
    @WithSpan
    public ArticleStaffView replace(String slug, SaveArticleCommand command) {
        validate(command);
        Article article = articles.findBySlug(slug).orElseThrow(() -> DomainException.notFound("Article", slug));
        List<Long> productIds = productIds(command.featuredProductSlugs());
        if (!command.slug().equals(slug) && articles.findBySlug(command.slug()).isPresent()) {
            throw taken(command.slug());
        }
        persisting(() -> {
            apply(article, command, productIds);
            // The version and updated_at move even when only a collection changed (the ETag follows them).
            article.updatedAt = Instant.now();
            articles.flush();
        });
        outbox.append(new ArticleChanged(article.slug));
        if (!slug.equals(article.slug)) {
            outbox.append(new ArticleChanged(slug));
        }
        return view(article);
    }

    private static void apply(Article article, SaveArticleCommand command, List<Long> productIds) {
        article.slug = command.slug();
        article.title = command.title().strip();
        article.lead = command.lead().strip();
        article.bodyHtml = ArticleHtmlSanitizer.sanitize(command.bodyHtml());
        article.heroImageUrl = blankToNull(command.heroImageUrl());
        article.publishAt = command.publishAt();
        article.tags.clear();
        article.tags.addAll(tags(command));
        article.featuredProducts.clear();
        for (int i = 0; i < productIds.size(); i++) {
            article.featuredProducts.add(new FeaturedProduct(productIds.get(i), i));
        }
    }

    private ArticleStaffView view(Article article) {
        List<String> productSlugs =
                catalog
                        .summaries(article.featuredProducts.stream()
                                .map(fp -> fp.productId)
                                .toList())
                        .stream()
                        .map(ProductSummary::slug)
                        .toList();
        return new ArticleStaffView(
                article.slug,
                article.title,
                article.lead,
                article.bodyHtml,
                article.heroImageUrl,
                List.copyOf(new TreeSet<>(article.tags)),
                productSlugs,
                article.publishAt,
                article.statusAt(Instant.now()),
                article.updatedAt);
    }

    /** Ids of the featured products, in the given order; an unknown or inactive slug is INVALID. */
    private List<Long> productIds(List<String> slugs) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            Optional<ProductDocument> product = catalog.document(slug);
            if (product.isEmpty()) {
                throw invalid("featuredProductSlugs[" + i + "]", "no product '" + slug + "'");
            }
            ids.add(product.get().id());
        }
        return ids;
    }

    /** The same rules as the request record, for callers other than the REST API. */
    private static void validate(SaveArticleCommand c) {
        check(c.slug() != null && SLUG.matcher(c.slug()).matches(), "slug", "must match " + ArticleRules.SLUG);
        check(length(c.title(), ArticleRules.TITLE_MAX), "title", "length must be 1 to " + ArticleRules.TITLE_MAX);
        check(length(c.lead(), ArticleRules.LEAD_MAX), "lead", "length must be 1 to " + ArticleRules.LEAD_MAX);
        check(length(c.bodyHtml(), ArticleRules.BODY_MAX), "bodyHtml", "length must be 1 to " + ArticleRules.BODY_MAX);
        String hero = blankToNull(c.heroImageUrl());
        check(
                hero == null || IMAGE_URL.matcher(hero).matches(),
                "heroImageUrl",
                "must be a local path or an https URL");
        check(c.tags() != null && c.tags().size() <= ArticleRules.TAGS_MAX, "tags", "at most " + ArticleRules.TAGS_MAX);
        Set<String> seen = new HashSet<>();
        for (String tag : c.tags()) {
            check(
                    length(tag, ArticleRules.TAG_MAX),
                    "tags",
                    "each tag must be 1 to " + ArticleRules.TAG_MAX + " characters");
            check(seen.add(tag.strip()), "tags", "tag '" + tag + "' is listed twice");
        }
        List<String> featured = c.featuredProductSlugs();
        check(
                featured != null && featured.size() <= ArticleRules.FEATURED_MAX,
                "featuredProductSlugs",
                "at most " + ArticleRules.FEATURED_MAX);
        Set<String> listed = new HashSet<>();
        for (String slug : featured) {
            check(
                    slug != null && SLUG.matcher(slug).matches(),
                    "featuredProductSlugs",
                    "must match " + ArticleRules.SLUG);
            check(listed.add(slug), "featuredProductSlugs", "product '" + slug + "' is listed twice");
        }
    }

    private static Set<String> tags(SaveArticleCommand command) {
        Set<String> tags = new LinkedHashSet<>();
        command.tags().forEach(t -> tags.add(t.strip()));
        return tags;
    }

    private static boolean length(String value, int max) {
        return value != null && !value.isBlank() && value.strip().length() <= max;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void check(boolean ok, String field, String message) {
        if (!ok) {
            throw invalid(field, message);
        }
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException(
                DomainException.Kind.INVALID,
                "Invalid request",
                field + " " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    private static DomainException taken(String slug) {
        return new DomainException(
                DomainException.Kind.CONFLICT,
                "Conflict",
                "Article slug '" + slug + "' is already taken",
                Map.of("errors", List.of(Map.of("field", "slug", "message", "is already taken"))));
    }

    /** Two staff members racing for one slug, or editing one article at once: a conflict, not an error. */
    private static void persisting(Runnable writes) {
        try {
            writes.run();
        } catch (OptimisticLockException e) {
            throw DomainException.conflict("The article was changed concurrently; reload and retry");
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw DomainException.conflict("Article slug is already taken");
            }
            throw e;
        }
    }
}
