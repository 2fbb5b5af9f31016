package dev.kurashi.shop.catalog;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.CategoryView;
import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.common.Page;
import dev.kurashi.common.PageRequest;
import dev.kurashi.reading.ArticleQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The public catalog: categories, product lists and product pages (anonymous). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CatalogService catalog;
    private final ArticleQueries articles;

    public CatalogResource(CatalogService catalog, ArticleQueries articles) {
        this.catalog = catalog;
        this.articles = articles;
    }

    @GET
    @Path("/categories")
    public List<CategoryView> categories() {
        return catalog.categories();
    }

    @GET
    @Path("/products")
    public Page<ProductSummary> products(
            @QueryParam("category") String category,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        Integer size = QueryParams.integer("limit", limit, 1, PageRequest.MAX_LIMIT);
        return catalog.listProducts(category, PageRequest.of(cursor, size));
    }

    @GET
    @Path("/products/{slug}")
    public ProductDetailResponse product(@PathParam("slug") String slug) {
        var product = catalog.product(slug);
        return ProductDetailResponse.of(product, articles.relatedToProduct(product.id()));
    }
}
