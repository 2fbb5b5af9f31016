package dev.kurashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.ProductAdminService;
import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.catalog.SaveProductCommand;
import dev.kurashi.reading.ArticleSummary;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the devstack's OpenSearch (cjk analysis, no kuromoji) and the seeded catalog. */
@QuarkusTest
class SearchServiceTest {

    @Inject
    SearchService search;

    @Inject
    ProductIndexService index;

    @Inject
    ArticleIndexService articleIndex;

    @Inject
    ProductAdminService admin;

    @Inject
    CatalogService catalog;

    @BeforeEach
    void indexBuilt() {
        index.buildIfMissing();
        articleIndex.buildIfMissing();
    }

    List<String> slugs(String q, String category) {
        var result = search.search(q, SearchType.ALL, 100, category);
        assertFalse(result.degraded(), "answered from SQL");
        return result.products().stream().map(ProductSummary::slug).toList();
    }

    @Test
    void japaneseEnglishAndWidthVariantsFindTheSeededMugs() {
        for (String q : List.of("マグ", "mug", "ｍｕｇ", "ＭＵＧ", "ﾏｸﾞｶｯﾌﾟ", "マグカップ")) {
            List<String> found = slugs(q, null);
            assertTrue(found.contains("mug-milk"), q + " → " + found);
        }
        for (String q : List.of("マグ", "mug", "ｍｕｇ", "stoneware", "ｓｔｏｎｅｗａｒｅ　ｍｕｇ", "ｽﾄｰﾝｳｪｱ")) {
            List<String> found = slugs(q, null);
            assertTrue(found.contains("stoneware-mug"), q + " → " + found);
        }
        assertEquals("mug-milk", slugs("ﾏｸﾞｶｯﾌﾟ ﾐﾙｸ", null).getFirst());
    }

    @Test
    void categoryFilterIncludesSubCategories() {
        List<String> mugs = slugs("マグ", "mugs-cups");
        assertTrue(mugs.contains("stoneware-mug"));
        for (String slug : mugs) {
            assertEquals("mugs-cups", catalog.product(slug).category());
        }
        assertTrue(slugs("マグ", "tableware").contains("mug-milk"), "tableware is the parent of mugs-cups");
        assertFalse(slugs("マグ", "textiles").contains("mug-milk"));
    }

    @Test
    void nameBeatsDescriptionAndInStockComesFirst() {
        String word = "zqx" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "q");
        String inName = create("test-name-" + word, "Name " + word, "plain description", 3);
        String inDescription = create("test-desc-" + word, "Plain name", "a description about " + word, 3);
        String soldOutInName = create("test-sold-" + word, "Sold " + word + " " + word, "sold out " + word, 0);
        index.refresh();

        assertEquals(List.of(inName, inDescription, soldOutInName), slugs(word, null));
        List<ProductSummary> products =
                search.search(word, SearchType.PRODUCT, 10, null).products();
        assertEquals(
                List.of(true, true, false),
                products.stream().map(ProductSummary::inStock).toList());
    }

    @Test
    void articlesOnlyAnswersNoProducts() {
        assertTrue(search.search("マグ", SearchType.ARTICLE, 10, null).products().isEmpty());
    }

    @Test
    void japaneseQueryFindsTheSeededArticleWithTypeArticleAndAll() {
        for (SearchType type : List.of(SearchType.ARTICLE, SearchType.ALL)) {
            var result = search.search("白樺の道具", type, 20, null);
            assertFalse(result.degraded(), type + " answered from SQL");
            List<String> articles =
                    result.articles().stream().map(ArticleSummary::slug).toList();
            assertTrue(articles.contains("birch-tools-life"), type + " → " + articles);
        }
        // every term must match (through one of its spellings): the products about 白樺 are found by 白樺
        assertFalse(search.search("白樺", SearchType.ALL, 20, null).products().isEmpty(), "all has products too");
    }

    @Test
    void productsOnlyAnswersNoArticles() {
        var result = search.search("白樺", SearchType.PRODUCT, 20, null);
        assertTrue(result.articles().isEmpty());
        assertFalse(result.products().isEmpty());
    }

    @Test
    void widthMappingsFoldHalfWidthKanaWithMarks() {
        List<String> rules = SearchIndices.widthMappings();
        assertTrue(rules.contains("\\uFF76\\uFF9E=>\\u30AC"), "ｶﾞ → ガ");
        assertTrue(rules.contains("\\uFF4D=>\\u006D"), "ｍ → m");
    }

    private String create(String slug, String name, String description, int stock) {
        String sku = slug.toUpperCase();
        admin.create(new SaveProductCommand(
                slug,
                name,
                "Test",
                description,
                "storage",
                10,
                List.of(),
                List.of(new SaveProductCommand.SkuLine(sku, "標準", 1000))));
        if (stock > 0) {
            admin.setStock(sku, stock);
        }
        index.index(slug);
        return slug;
    }
}
