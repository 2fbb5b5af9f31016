package dev.kurashi.shop.web;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.reading.ArticleService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The front page: a quiet welcome, new arrivals, reading, and the categories. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    static final int NEW_ARRIVALS = 8;
    static final int FEATURED_ARTICLES = 3;

    private final Template home;
    private final Storefront storefront;
    private final CatalogService catalog;
    private final ArticleService articles;

    public HomePage(
            @Location("pages/home.html") Template home,
            Storefront storefront,
            CatalogService catalog,
            ArticleService articles) {
        this.home = home;
        this.storefront = storefront;
        this.catalog = catalog;
        this.articles = articles;
    }

    @GET
    public TemplateInstance get() {
        return storefront
                .page(home)
                .data("newArrivals", catalog.newArrivals(NEW_ARRIVALS))
                .data("articles", articles.latest(FEATURED_ARTICLES));
    }
}
