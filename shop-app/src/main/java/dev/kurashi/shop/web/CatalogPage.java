package dev.kurashi.shop.web;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.CategoryView;
import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.common.DomainException;
import dev.kurashi.common.Page;
import dev.kurashi.common.PageRequest;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Product lists: all products, and one category with its sub-categories. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CatalogPage {

    static final int PAGE_SIZE = 24;

    private final Template listing;
    private final Storefront storefront;
    private final CatalogService catalog;

    public CatalogPage(
            @Location("pages/listing.html") Template listing, Storefront storefront, CatalogService catalog) {
        this.listing = listing;
        this.storefront = storefront;
        this.catalog = catalog;
    }

    @GET
    @Path("products")
    public TemplateInstance all(@QueryParam("cursor") String cursor, @QueryParam("trail") String trail) {
        Page<ProductSummary> page = page(null, cursor);
        return storefront
                .page(listing)
                .data("heading", "すべての商品")
                .data("lead", "北欧の工房から届いた、毎日の暮らしに使う道具と食べもの。")
                .data("crumbs", List.of(new Storefront.Crumb("ホーム", "/"), new Storefront.Crumb("すべての商品", "")))
                .data("products", page.items())
                .data("children", List.of())
                .data("paging", Paging.of("/products", cursor, trail, page.nextCursor()));
    }

    @GET
    @Path("categories/{slug}")
    public RestResponse<TemplateInstance> category(
            @PathParam("slug") String slug, @QueryParam("cursor") String cursor, @QueryParam("trail") String trail) {
        CategoryView category = storefront.category(slug);
        if (category == null) {
            throw DomainException.notFound("Category", slug);
        }
        Page<ProductSummary> page = page(slug, cursor);
        List<CategoryView> children = catalog.categories().stream()
                .filter(c -> slug.equals(c.parent()))
                .toList();
        List<Storefront.Crumb> crumbs = new java.util.ArrayList<>();
        crumbs.add(new Storefront.Crumb("ホーム", "/"));
        if (category.parent() != null) {
            CategoryView parent = storefront.category(category.parent());
            if (parent != null) {
                crumbs.add(new Storefront.Crumb(parent.name(), "/categories/" + parent.slug()));
            }
        }
        crumbs.add(new Storefront.Crumb(category.name(), ""));
        return RestResponse.ok(storefront
                .page(listing)
                .data("heading", category.name())
                .data("crumbs", crumbs)
                .data("activeCategory", category.parent() == null ? category.slug() : category.parent())
                .data("products", page.items())
                .data("children", children)
                .data("paging", Paging.of("/categories/" + slug, cursor, trail, page.nextCursor())));
    }

    /** A page of products; a cursor that is not ours starts from the first page. */
    private Page<ProductSummary> page(String category, String cursor) {
        try {
            return catalog.listProducts(category, PageRequest.of(cursor, PAGE_SIZE));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.INVALID) {
                return catalog.listProducts(category, PageRequest.first(PAGE_SIZE));
            }
            throw e;
        }
    }
}
