package dev.kurashi.reading;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Articles. The "published" queries compare {@code publish_at} with the database clock
 * ({@code current_timestamp}), so every node agrees on when a scheduled article goes live.
 */
@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

    private static final String PUBLISHED = "a.publishAt <= current_timestamp";
    private static final String NEWEST_FIRST = " order by a.publishAt desc, a.id desc";
    private static final String BEFORE_CURSOR =
            " and (a.publishAt < :before or (a.publishAt = :before and a.id < :beforeId))";

    /** Any article by slug, whatever its status (staff). */
    public Optional<Article> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Optional<Article> findPublishedBySlug(String slug) {
        return find("select a from Article a where a.slug = ?1 and " + PUBLISHED, slug)
                .firstResultOptional();
    }

    /**
     * Published articles, newest first, keyset-paged on (publishAt, id): pass the last item's values,
     * or null for the first page.
     */
    public List<Article> listPublished(Instant beforePublishAt, long beforeId, int limit) {
        String query = "select a from Article a where " + PUBLISHED;
        Parameters parameters = new Parameters();
        if (beforePublishAt != null) {
            query += BEFORE_CURSOR;
            parameters = cursor(beforePublishAt, beforeId);
        }
        return find(query + NEWEST_FIRST, parameters).page(0, limit).list();
    }

    /** Published articles carrying a tag, newest first, keyset-paged like {@link #listPublished}. */
    public List<Article> listPublishedByTag(String tag, Instant beforePublishAt, long beforeId, int limit) {
        String query = "select a from Article a join a.tags t where t = :tag and " + PUBLISHED;
        Parameters parameters = Parameters.with("tag", tag);
        if (beforePublishAt != null) {
            query += BEFORE_CURSOR;
            parameters = cursor(beforePublishAt, beforeId).and("tag", tag);
        }
        return find(query + NEWEST_FIRST, parameters).page(0, limit).list();
    }

    /** Published articles featuring a product (the product page's related articles), newest first. */
    public List<Article> listPublishedFeaturing(long productId, int limit) {
        return find(
                        "select a from Article a join a.featuredProducts fp where fp.productId = ?1 and " + PUBLISHED
                                + NEWEST_FIRST,
                        productId)
                .page(0, limit)
                .list();
    }

    public long countPublished() {
        return count("select count(a) from Article a where " + PUBLISHED);
    }

    private static Parameters cursor(Instant beforePublishAt, long beforeId) {
        return Parameters.with("before", beforePublishAt).and("beforeId", beforeId);
    }

    /** Published articles among these slugs, in no particular order. */
    public List<Article> listPublishedBySlugs(Collection<String> slugs) {
        return list("select a from Article a where a.slug in ?1 and a.publishAt <= current_timestamp", slugs);
    }

    /** Published and scheduled articles (drafts are never indexed) with an id above {@code afterId}, by id. */
    public List<Article> listIndexable(long afterId, int limit) {
        return find("publishAt is not null and id > ?1 order by id", afterId)
                .page(0, limit)
                .list();
    }
}
