package dev.kurashi.shop.web;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.CategoryView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** What every storefront page shows around its content: the category navigation. */
@ApplicationScoped
public class Storefront {

    /** Personal pages: never stored by a browser or a CDN. */
    static final String NO_STORE = "private, no-store";

    private final CatalogService catalog;
    private final Template notFound;

    public Storefront(CatalogService catalog, @Location("pages/not-found.html") Template notFound) {
        this.catalog = catalog;
        this.notFound = notFound;
    }

    /** The storefront's 404 page (the API's problem+json is no page for a person). */
    RestResponse<TemplateInstance> notFound() {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.NOT_FOUND, page(notFound))
                .type(MediaType.TEXT_HTML_TYPE)
                .build();
    }

    /** The top-level categories, in display order, for the navigation. */
    List<CategoryView> topCategories() {
        return catalog.categories().stream().filter(c -> c.parent() == null).toList();
    }

    /** A page of the storefront, with the navigation filled in. */
    TemplateInstance page(Template template) {
        return template.data("categories", topCategories());
    }

    /** The category of a slug, for breadcrumbs and titles. */
    CategoryView category(String slug) {
        return catalog.categories().stream()
                .filter(c -> c.slug().equals(slug))
                .findFirst()
                .orElse(null);
    }

    /** A link of a breadcrumb trail. */
    public record Crumb(String name, String url) {}
}
