package dev.kurashi.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleHtmlSanitizerTest {

    /** Hostile inputs; none may leave anything executable or any foreign scheme behind. */
    static List<String> hostile() {
        return XssPayloads.ALL;
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void nothingExecutableSurvives(String input) {
        String clean = ArticleHtmlSanitizer.sanitize(input);
        XssPayloads.assertHarmless(clean);
        assertEquals(clean, ArticleHtmlSanitizer.sanitize(clean), "sanitizing is idempotent");
    }

    @Test
    void theAllowListIsKept() {
        String html = "<h2>見出し</h2><p>白樺の<strong>器</strong>と<em>暮らし</em>。<br></p>"
                + "<ul><li>一</li></ul><ol><li>二</li></ol><blockquote>引用</blockquote><hr>"
                + "<figure><img src=\"/images/articles/lake.svg\" alt=\"湖\"><figcaption>湖</figcaption></figure>"
                + "<h3>小見出し</h3><p><a href=\"https://example.com/birch\">外部</a> <a href=\"/products/stoneware-mug\">商品</a></p>";
        String clean = ArticleHtmlSanitizer.sanitize(html);
        for (String kept : List.of(
                "<h2>見出し</h2>",
                "<strong>器</strong>",
                "<em>暮らし</em>",
                "<br />",
                "<li>一</li>",
                "<blockquote>引用</blockquote>",
                "<hr />",
                "<img src=\"/images/articles/lake.svg\" alt=\"湖\" />",
                "<figcaption>湖</figcaption>",
                "<h3>小見出し</h3>",
                "href=\"https://example.com/birch\"",
                "href=\"/products/stoneware-mug\"")) {
            assertTrue(clean.contains(kept), () -> kept + " missing from " + clean);
        }
        assertTrue(clean.contains("rel=\"nofollow noopener\""), clean);
        assertEquals(clean, ArticleHtmlSanitizer.sanitize(clean));
    }

    @Test
    void linksThatBrowsersReadAsAnotherHostAreDropped() {
        // issue 12: browsers read /\evil.example as //evil.example
        for (String href :
                new String[] {"/\\evil.example", "\\\\evil.example", "/\\/evil.example", "https://ok.example\\@evil"}) {
            String clean = ArticleHtmlSanitizer.sanitize("<p><a href=\"" + href + "\">x</a></p>");
            assertFalse(clean.contains("href="), href + " -> " + clean);
        }
        assertFalse(ArticleHtmlSanitizer.sanitize("<img src=\"/\\evil.example/a.png\">")
                .contains("src="));
        assertTrue(ArticleHtmlSanitizer.sanitize("<p><a href=\"/products/mug\">x</a></p>")
                .contains("href=\"/products/mug\""));
    }

    @Test
    void imagesOnlyFromThisSiteOrHttps() {
        assertFalse(ArticleHtmlSanitizer.sanitize("<img src=\"http://example.com/a.png\" alt=\"\">")
                .contains("src="));
        assertFalse(ArticleHtmlSanitizer.sanitize("<img src=\"//evil.example/a.png\">")
                .contains("src="));
        assertTrue(ArticleHtmlSanitizer.sanitize("<img src=\"https://cdn.example/a.png\" alt=\"a\">")
                .contains("src=\"https://cdn.example/a.png\""));
    }

    @Test
    void textIsKeptAndEscaped() {
        String clean = ArticleHtmlSanitizer.sanitize("<p>1 < 2 & \"北欧\"</p>");
        assertTrue(clean.startsWith("<p>1 &lt; 2 &amp; "), clean);
        assertTrue(clean.toLowerCase(Locale.ROOT).contains("北欧"), clean);
    }
}
