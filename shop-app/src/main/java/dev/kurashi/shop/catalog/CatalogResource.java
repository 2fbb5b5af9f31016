package dev.kurashi.shop.catalog;

import dev.kurashi.cache.ReadCaches;
import dev.kurashi.cache.StaleIfErrorCache;
import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.CategoryView;
import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.common.Page;
import dev.kurashi.common.PageRequest;
import dev.kurashi.common.QueryParams;
import dev.kurashi.reading.ArticleQueries;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The public catalog: categories, product lists and product pages (anonymous). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CatalogService catalog;
    private final ArticleQueries articles;
    /**
     * Whole answers of the hottest path (a product from a push notification): a fresh one is answered on the
     * event loop, with no worker-thread hop; a miss is loaded on a worker (ADR 1001).
     */
    private final StaleIfErrorCache<String, ProductDetailResponse> productAnswers;

    public CatalogResource(CatalogService catalog, ArticleQueries articles, ReadCaches caches) {
        this.catalog = catalog;
        this.articles = articles;
        this.productAnswers = caches.create("product-answers");
    }

    @GET
    @Path("/categories")
    @Operation(operationId = "listCategories", summary = "Every category, in display order")
    public List<CategoryView> categories() {
        return catalog.categories();
    }

    @GET
    @Path("/products")
    @Operation(operationId = "listProducts", summary = "Active products, optionally of a category, by cursor")
    public Page<ProductSummary> products(
            @QueryParam("category") String category,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        Integer size = QueryParams.integer("limit", limit, 1, PageRequest.MAX_LIMIT);
        return catalog.listProducts(category, PageRequest.of(cursor, size));
    }

    @GET
    @Path("/products/{slug}")
    @Operation(operationId = "getProduct", summary = "One active product with its SKUs and related articles")
    @APIResponse(responseCode = "200", description = "The product")
    @APIResponse(responseCode = "404", description = "No such active product")
    public Uni<ProductDetailResponse> product(@PathParam("slug") String slug) {
        Optional<ProductDetailResponse> fresh = productAnswers.fresh(slug);
        if (fresh.isPresent()) {
            return Uni.createFrom().item(fresh.get());
        }
        return Uni.createFrom()
                .item(() -> productAnswers.get(slug, () -> {
                    var product = catalog.product(slug);
                    return ProductDetailResponse.of(product, articles.relatedToProduct(product.id()));
                }))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
