package dev.kurashi.reading;

import dev.kurashi.cache.ReadCaches;
import dev.kurashi.cache.StaleIfErrorCache;
import dev.kurashi.catalog.CatalogService;
import dev.kurashi.common.DomainException;
import dev.kurashi.common.Page;
import dev.kurashi.common.PageRequest;
import dev.kurashi.common.TimeKey;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Published articles as readers, other pages and the search index see them. Visibility is decided by the
 * database clock in every query ({@link ArticleRepository}), so a scheduled article appears at its
 * {@code publishAt} on every node at once, with no job.
 *
 * <p>A page of articles costs the same number of queries whatever its size: articles, then the tags of the whole
 * page at once.
 */
@ApplicationScoped
public class ArticleService {

    private final ArticleRepository articles;
    private final CatalogService catalog;
    private final ReadCaches caches;
    private final StaleIfErrorCache<ListKey, Page<ArticleSummary>> listCache;
    private final StaleIfErrorCache<Integer, List<ArticleSummary>> latestCache;
    private final StaleIfErrorCache<Integer, List<String>> tagCache;
    private final StaleIfErrorCache<String, ArticleDetail> articleCache;
    private final StaleIfErrorCache<String, Optional<Instant>> scheduleCache;

    public ArticleService(ArticleRepository articles, CatalogService catalog, ReadCaches caches) {
        this.articles = articles;
        this.catalog = catalog;
        this.caches = caches;
        this.listCache = caches.create("article-lists");
        this.latestCache = caches.create("latest-articles");
        this.tagCache = caches.create("article-tags");
        this.articleCache = caches.create("articles");
        this.scheduleCache = caches.create("article-schedule");
    }

    private record ListKey(String tag, String afterKey, int limit) {}

    /** Published articles, newest first, optionally with a tag (keyset on publishAt, id). */
    @WithSpan
    public Page<ArticleSummary> list(String tag, PageRequest page) {
        expireScheduled();
        return listCache.get(
                new ListKey(tag == null || tag.isBlank() ? null : tag, page.afterKey(), page.limit()),
                () -> QuarkusTransaction.joiningExisting().call(() -> loadList(tag, page)));
    }

    private Page<ArticleSummary> loadList(String tag, PageRequest page) {
        TimeKey<Long> after = TimeKey.parse(page.afterKey(), Long::parseLong);
        Instant before = after == null ? null : after.at();
        long beforeId = after == null ? 0 : after.id();
        List<Article> rows = tag == null || tag.isBlank()
                ? articles.listPublished(before, beforeId, page.limit() + 1)
                : articles.listPublishedByTag(tag, before, beforeId, page.limit() + 1);
        Page<Article> result = page.page(rows, a -> TimeKey.of(a.publishAt, a.id));
        return new Page<>(summaries(result.items()), result.nextCursor());
    }

    /** The newest published articles, for the home page's featured slot. */
    @WithSpan
    public List<ArticleSummary> latest(int limit) {
        expireScheduled();
        return latestCache.get(limit, () -> QuarkusTransaction.joiningExisting()
                .call(() -> summaries(articles.listPublished(null, 0, limit))));
    }

    /** Tags of published articles, most used first, for the list page's filter. */
    @WithSpan
    public List<String> publishedTags(int limit) {
        expireScheduled();
        return tagCache.get(limit, () -> QuarkusTransaction.joiningExisting().call(() -> loadTags(limit)));
    }

    private List<String> loadTags(int limit) {
        return articles.getEntityManager()
                .createQuery(
                        "select t from Article a join a.tags t where a.publishAt <= current_timestamp"
                                + " group by t order by count(a) desc, t",
                        String.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** A published article; drafts, scheduled and unknown slugs are all NOT_FOUND. */
    @WithSpan
    public ArticleDetail published(String slug) {
        expireScheduled();
        return articleCache.get(slug, () -> QuarkusTransaction.joiningExisting().call(() -> loadPublished(slug)));
    }

    private ArticleDetail loadPublished(String slug) {
        Article article =
                articles.findPublishedBySlug(slug).orElseThrow(() -> DomainException.notFound("Article", slug));
        return new ArticleDetail(
                article.slug,
                article.title,
                article.lead,
                article.bodyHtml,
                article.heroImageUrl,
                article.publishAt,
                sorted(article.tags),
                catalog.summaries(article.featuredProducts.stream()
                        .map(fp -> fp.productId)
                        .toList()));
    }

    /** Published articles by slug, in the order given (search hits); others are left out. */
    @Transactional
    @WithSpan
    public List<ArticleSummary> publishedSummaries(List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        Map<String, Article> bySlug = articles.listPublishedBySlugs(slugs).stream()
                .collect(Collectors.toMap(a -> a.slug, Function.identity()));
        return summaries(slugs.stream()
                .distinct()
                .map(bySlug::get)
                .filter(Objects::nonNull)
                .toList());
    }

    /**
     * Search without the search engine: published articles whose title, lead or body contain every term through
     * one of its spellings (lower-cased; callers normalise width and add kana forms and synonyms), newest first.
     */
    @Transactional
    @WithSpan
    public List<ArticleSummary> searchText(List<List<String>> terms, int limit) {
        if (terms.isEmpty()) {
            return List.of();
        }
        StringBuilder query = new StringBuilder("select a from Article a where a.publishAt <= current_timestamp");
        List<String> parameters = new ArrayList<>();
        for (List<String> spellings : terms) {
            query.append(" and (");
            for (int i = 0; i < spellings.size(); i++) {
                parameters.add("%" + escapeLike(spellings.get(i).toLowerCase(Locale.ROOT)) + "%");
                query.append(i > 0 ? " or " : "")
                        .append("lower(concat(a.title, ' ', a.lead, ' ', a.bodyHtml)) like ?")
                        .append(parameters.size())
                        .append(" escape '\\'");
            }
            query.append(")");
        }
        query.append(" order by a.publishAt desc, a.id desc");
        return summaries(articles.find(query.toString(), parameters.toArray())
                .page(0, limit)
                .list());
    }

    /**
     * When the next scheduled article goes live, if any: pages listing articles can be cached until then at
     * most.
     */
    @WithSpan
    public Optional<Instant> nextScheduledPublish() {
        return scheduleCache.get(
                "next", () -> QuarkusTransaction.joiningExisting().call(this::loadNextScheduled));
    }

    /**
     * A scheduled article goes live with no write and so no notification: once the next publication time
     * has passed, every cached read is stale (the read caches are one generation, ADR 1001).
     */
    void expireScheduled() {
        if (!caches.enabled()) {
            return;
        }
        Optional<Instant> next = nextScheduledPublish();
        if (next.isPresent() && !Instant.now().isBefore(next.get())) {
            caches.invalidateAll();
        }
    }

    private Optional<Instant> loadNextScheduled() {
        return articles.getEntityManager()
                .createQuery(
                        "select min(a.publishAt) from Article a where a.publishAt > current_timestamp", Instant.class)
                .getResultStream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** The index document of a published or scheduled article; empty for a draft or an unknown slug. */
    @Transactional
    @WithSpan
    public Optional<ArticleDocument> document(String slug) {
        return articles.findBySlug(slug).filter(a -> a.publishAt != null).map(ArticleService::document);
    }

    /** Index documents of published and scheduled articles with an id above {@code afterId}, by id. */
    @Transactional
    @WithSpan
    public List<ArticleDocument> documents(long afterId, int limit) {
        List<Article> page = articles.listIndexable(afterId, limit);
        Map<Long, List<String>> tags = tagsOf(page.stream().map(a -> a.id).toList());
        return page.stream()
                .map(a -> document(a, tags.getOrDefault(a.id, List.of())))
                .toList();
    }

    private static ArticleDocument document(Article a) {
        return document(a, sorted(a.tags));
    }

    private static ArticleDocument document(Article a, List<String> tags) {
        return new ArticleDocument(
                a.id, a.slug, a.title, a.lead, a.heroImageUrl, ArticleText.plain(a.bodyHtml), tags, a.publishAt);
    }

    private List<ArticleSummary> summaries(List<Article> page) {
        Map<Long, List<String>> tags = tagsOf(page.stream().map(a -> a.id).toList());
        return page.stream()
                .map(a -> new ArticleSummary(
                        a.slug, a.title, a.lead, a.heroImageUrl, a.publishAt, tags.getOrDefault(a.id, List.of())))
                .toList();
    }

    /** Tags of many articles in one query, each list sorted so that answers (and their ETags) are stable. */
    private Map<Long, List<String>> tagsOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, TreeSet<String>> tags = new HashMap<>();
        articles.getEntityManager()
                .createQuery("select a.id, t from Article a join a.tags t where a.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> tags.computeIfAbsent((Long) row[0], id -> new TreeSet<>())
                        .add((String) row[1]));
        Map<Long, List<String>> result = new HashMap<>();
        tags.forEach((id, set) -> result.put(id, List.copyOf(set)));
        return result;
    }

    private static List<String> sorted(Collection<String> tags) {
        return List.copyOf(new TreeSet<>(tags));
    }

    static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
