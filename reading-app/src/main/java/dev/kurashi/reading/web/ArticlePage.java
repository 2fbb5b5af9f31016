package dev.kurashi.reading.web;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.CategoryView;
import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.common.Page;
import dev.kurashi.common.PageRequest;
import dev.kurashi.reading.ArticleDetail;
import dev.kurashi.reading.ArticleService;
import dev.kurashi.reading.ArticleSummary;
import dev.kurashi.reading.http.CachedResponses;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reading pages: {@code /articles} (newest first, tag filter, cursor paging) and {@code /articles/{slug}}.
 * They show nothing personal (no cart badge, no flash), so they are the same for everyone and cacheable by
 * CloudFront with a strong ETag over the rendered page.
 */
@Path("/articles")
@Produces(MediaType.TEXT_HTML)
public class ArticlePage {

    static final int PAGE_SIZE = 12;
    static final int TAG_FILTER_MAX = 20;
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ArticleService articles;
    private final CatalogService catalog;

    public ArticlePage(ArticleService articles, CatalogService catalog) {
        this.articles = articles;
        this.catalog = catalog;
    }

    @CheckedTemplate(basePath = "reading")
    static class Templates {
        static native TemplateInstance list(
                List<CategoryView> categories,
                List<Crumb> crumbs,
                String tag,
                List<TagLink> tags,
                List<Card> articles,
                String nextUrl,
                boolean firstPage);

        static native TemplateInstance detail(
                List<CategoryView> categories,
                List<Crumb> crumbs,
                ArticleDetail article,
                String date,
                String isoDate,
                String heroImageUrl,
                List<TagLink> tags,
                List<ProductSummary> products);
    }

    @GET
    public Response list(@QueryParam("tag") String tag, @QueryParam("cursor") String cursor, @Context Request request) {
        String filter = tag == null || tag.isBlank() ? null : tag;
        Page<ArticleSummary> page = articles.list(filter, PageRequest.of(cursor, PAGE_SIZE));
        List<Crumb> crumbs = new ArrayList<>(List.of(new Crumb("ホーム", "/")));
        if (filter == null) {
            crumbs.add(new Crumb("読み物", ""));
        } else {
            crumbs.add(new Crumb("読み物", "/articles"));
            crumbs.add(new Crumb(filter, ""));
        }
        String nextUrl = page.nextCursor() == null
                ? null
                : "/articles?" + (filter == null ? "" : "tag=" + encode(filter) + "&") + "cursor="
                        + encode(page.nextCursor());
        String html = Templates.list(
                        catalog.topCategories(),
                        crumbs,
                        filter,
                        tagLinks(articles.publishedTags(TAG_FILTER_MAX)),
                        page.items().stream().map(ArticlePage::card).toList(),
                        nextUrl,
                        cursor == null || cursor.isBlank())
                .render();
        return CachedResponses.ok(request, html, HTML, articles.nextScheduledPublish());
    }

    @GET
    @Path("/{slug}")
    public Response article(@PathParam("slug") String slug, @Context Request request) {
        ArticleDetail article = articles.published(slug);
        List<Crumb> crumbs =
                List.of(new Crumb("ホーム", "/"), new Crumb("読み物", "/articles"), new Crumb(article.title(), ""));
        String heroImageUrl =
                article.heroImageUrl() != null ? article.heroImageUrl() : "/images/articles/" + article.slug() + ".svg";
        String html = Templates.detail(
                        catalog.topCategories(),
                        crumbs,
                        article,
                        ArticleDates.tokyoDate(article.publishedAt()),
                        article.publishedAt().atZone(ArticleDates.TOKYO).format(ISO_DATE),
                        heroImageUrl,
                        tagLinks(article.tags()),
                        article.featuredProducts())
                .render();
        return CachedResponses.ok(request, html, HTML, Optional.empty());
    }

    private static Card card(ArticleSummary a) {
        return new Card(a.slug(), a.title(), a.lead(), a.heroImageUrl(), ArticleDates.tokyoDate(a.publishedAt()));
    }

    private static List<TagLink> tagLinks(List<String> tags) {
        return tags.stream()
                .map(t -> new TagLink(t, "/articles?tag=" + encode(t)))
                .toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A breadcrumb; the last one (the current page) has an empty url. */
    public record Crumb(String name, String url) {}

    /** A tag and the list filtered by it. */
    public record TagLink(String name, String url) {}

    /** An article card's params (components/article-card); {@code date} is display text in Asia/Tokyo. */
    public record Card(String slug, String title, String lead, String heroImageUrl, String date) {}
}
