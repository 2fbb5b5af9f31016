package dev.kurashi.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.catalog.ProductRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleRepositoryTest {

    @Inject
    ArticleRepository articles;

    @Inject
    ProductRepository products;

    String prefix;
    String tag;
    long productId;

    @BeforeEach
    void createArticles() {
        prefix = "test-" + UUID.randomUUID().toString().substring(0, 8);
        tag = prefix;
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            productId = products.findBySlug("stoneware-mug").orElseThrow().id;
            articles.persist(article(prefix + "-draft", null));
            articles.persist(article(prefix + "-scheduled", now.plus(Duration.ofMinutes(5))));
            articles.persist(article(prefix + "-published", now.minus(Duration.ofMinutes(5))));
        });
    }

    @AfterEach
    void deleteArticles() {
        QuarkusTransaction.requiringNew()
                .run(() -> articles.list("slug like ?1", prefix + "-%").forEach(articles::delete));
    }

    @Test
    void draftsAndScheduledArticlesAreHidden() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertFalse(articles.findPublishedBySlug(prefix + "-draft").isPresent());
            assertFalse(articles.findPublishedBySlug(prefix + "-scheduled").isPresent());
            assertTrue(articles.findPublishedBySlug(prefix + "-published").isPresent());
            assertTrue(articles.findBySlug(prefix + "-scheduled").isPresent(), "staff still see it");

            assertEquals(List.of(prefix + "-published"), slugs(articles.listPublishedByTag(tag, null, 0, 10)));
            List<String> featuring = slugs(articles.listPublishedFeaturing(productId, 100));
            assertTrue(featuring.contains(prefix + "-published"));
            assertFalse(featuring.contains(prefix + "-scheduled"));
            assertFalse(featuring.contains(prefix + "-draft"));

            List<String> newest = slugs(articles.listPublished(null, 0, 100));
            assertEquals(prefix + "-published", newest.getFirst(), "newest first");
            assertFalse(newest.contains(prefix + "-draft"));
            assertFalse(newest.contains(prefix + "-scheduled"));
        });
    }

    @Test
    void keysetPagingWalksThroughEveryPublishedArticleOnce() {
        QuarkusTransaction.requiringNew().run(() -> {
            long expected = articles.countPublished();
            long seen = 0;
            Instant before = null;
            long beforeId = 0;
            while (true) {
                List<Article> page = articles.listPublished(before, beforeId, 7);
                if (page.isEmpty()) {
                    break;
                }
                seen += page.size();
                Article last = page.getLast();
                before = last.publishAt;
                beforeId = last.id;
            }
            assertEquals(expected, seen);
        });
    }

    @Test
    void statusIsDerivedFromTheClock() {
        Instant now = Instant.now();
        assertEquals(ArticleStatus.DRAFT, ArticleStatus.of(null, now));
        assertEquals(ArticleStatus.SCHEDULED, ArticleStatus.of(now.plusSeconds(1), now));
        assertEquals(ArticleStatus.PUBLISHED, ArticleStatus.of(now, now));
    }

    private Article article(String slug, Instant publishAt) {
        Article article = new Article();
        article.slug = slug;
        article.title = "テスト記事 " + slug;
        article.lead = "公開状態のテスト用です。";
        article.bodyHtml = "<p>本文</p>";
        article.publishAt = publishAt;
        article.tags.add(tag);
        article.featuredProducts.add(new FeaturedProduct(productId, 0));
        return article;
    }

    private static List<String> slugs(List<Article> list) {
        return list.stream().map(article -> article.slug).toList();
    }
}
