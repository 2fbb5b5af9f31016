package dev.kurashi.shop.web;

import dev.kurashi.search.SearchService;
import dev.kurashi.search.SearchType;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Search results, products then articles; when the search engine is unavailable the answer comes from the
 * database, with a notice.
 */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPage {

    static final int LIMIT = 48;

    private final Template search;
    private final Storefront storefront;
    private final SearchService service;

    public SearchPage(@Location("pages/search.html") Template search, Storefront storefront, SearchService service) {
        this.search = search;
        this.storefront = storefront;
        this.service = service;
    }

    @GET
    public TemplateInstance get(@QueryParam("q") String q) {
        String query = q == null ? "" : q.strip();
        TemplateInstance page = storefront.page(search).data("q", query);
        if (query.isEmpty()) {
            return nothingSearched(page);
        }
        if (query.length() > SearchService.QUERY_MAX) {
            return nothingSearched(page)
                    .data("flash", new Flash("error", "検索する言葉は" + SearchService.QUERY_MAX + "文字以内で入力してください。"));
        }
        SearchService.SearchResult result = service.search(query, SearchType.ALL, LIMIT, null);
        return page.data("searched", true)
                .data("products", result.products())
                .data("articles", result.articles())
                .data("degraded", result.degraded());
    }

    private static TemplateInstance nothingSearched(TemplateInstance page) {
        return page.data("searched", false)
                .data("products", List.of())
                .data("articles", List.of())
                .data("degraded", false);
    }
}
