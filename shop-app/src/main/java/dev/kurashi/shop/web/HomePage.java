package dev.kurashi.shop.web;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.common.PageRequest;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The front page: a quiet welcome, new arrivals, reading, and the categories. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    static final int NEW_ARRIVALS = 8;

    private final Template home;
    private final Storefront storefront;
    private final CatalogService catalog;

    public HomePage(@Location("pages/home.html") Template home, Storefront storefront, CatalogService catalog) {
        this.home = home;
        this.storefront = storefront;
        this.catalog = catalog;
    }

    @GET
    public TemplateInstance get() {
        return storefront
                .page(home)
                .data("newArrivals", newArrivals())
                // the reading feature has no "latest articles" query yet: the slot stays hidden until it does
                .data("articles", List.of());
    }

    private List<ProductSummary> newArrivals() {
        return catalog.newArrivals(NEW_ARRIVALS);
    }
}
