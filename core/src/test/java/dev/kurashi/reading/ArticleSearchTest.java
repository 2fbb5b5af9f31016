package dev.kurashi.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.search.ArticleIndexService;
import dev.kurashi.search.ArticleSearch;
import dev.kurashi.search.SearchText;
import dev.kurashi.search.SynonymService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The article index: same Japanese analysis and width folding as products; only published articles match. */
@QuarkusTest
class ArticleSearchTest {

    /**
     * Test articles are published long ago or scheduled far ahead, so they never become the newest articles of
     * the shared database (other tests assume a recent article of theirs is the newest).
     */
    private static final Instant PAST = Instant.parse("2021-04-01T00:00:00Z");

    private static final Instant FAR_FUTURE = Instant.parse("2099-04-01T00:00:00Z");

    @Inject
    ArticleAdminService admin;

    @Inject
    SynonymService synonyms;

    @Inject
    ArticleService articles;

    @Inject
    ArticleIndexService index;

    @Inject
    ArticleSearch search;

    @Test
    void publishedArticlesAreFoundByJapaneseAndWidthVariantQueries() {
        String word = randomWord();
        String published = create(word, PAST);
        String scheduled = create(word, FAR_FUTURE);
        String draft = create(word, null);
        for (String slug : List.of(published, scheduled, draft)) {
            index.index(slug);
        }
        index.refresh();

        String fullWidth = word.chars()
                .mapToObj(c -> String.valueOf((char) (c - 'a' + 'ａ')))
                .reduce("", String::concat);
        for (String query : List.of(word, fullWidth, word.toUpperCase(java.util.Locale.ROOT))) {
            ArticleSearch.Hits hits = search.search(terms(query), 20);
            // the engine's 800 ms timeout can fire on the first query of a cold index on a busy machine
            for (int attempt = 1; hits.degraded() && attempt < 3; attempt++) {
                hits = search.search(terms(query), 20);
            }
            assertFalse(hits.degraded());
            List<String> slugs = slugs(hits.articles());
            assertEquals(List.of(published), slugs, "query " + query);
        }
        List<String> japanese = slugs(search.search(terms("苔玉 " + word), 20).articles());
        assertTrue(japanese.contains(published), japanese.toString());

        // the SQL fallback answers the same
        assertEquals(List.of(published), slugs(articles.searchText(List.of(List.of(word)), 20)));
    }

    @Test
    void aRebuildIndexesPublishedAndScheduledArticles() {
        int count = index.rebuild();
        assertTrue(count >= 58, "56 published + 2 scheduled seeded articles, got " + count);
        assertTrue(index.aliasExists());
        List<String> birch = slugs(search.search(terms("白樺"), 50).articles());
        assertFalse(birch.isEmpty(), "seeded articles about 白樺 are found");
    }

    private List<List<String>> terms(String query) {
        return synonyms.terms(SearchText.normalize(query));
    }

    private String create(String word, Instant publishAt) {
        String slug = "test-" + randomWord();
        admin.create(new SaveArticleCommand(
                slug,
                "苔玉の育て方 " + word,
                "小さな苔玉を長く楽しむための読み物です。",
                "<p>水やりは、" + word + " 鉢ごと水に浸すのがこつです。</p>",
                null,
                List.of("植物"),
                List.of(),
                publishAt));
        return slug;
    }

    private static String randomWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static List<String> slugs(List<ArticleSummary> list) {
        return list.stream().map(ArticleSummary::slug).toList();
    }
}
