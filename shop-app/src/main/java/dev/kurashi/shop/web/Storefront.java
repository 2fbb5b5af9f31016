package dev.kurashi.shop.web;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.CategoryView;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What every storefront page shows around its content: the category navigation. */
@ApplicationScoped
public class Storefront {

    /** Personal pages: never stored by a browser or a CDN. */
    static final String NO_STORE = "private, no-store";

    private final CatalogService catalog;

    public Storefront(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The top-level categories, in display order, for the navigation. */
    List<CategoryView> topCategories() {
        return catalog.topCategories();
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
