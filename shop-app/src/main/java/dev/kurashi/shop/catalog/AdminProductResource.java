package dev.kurashi.shop.catalog;

import dev.kurashi.catalog.ProductAdminService;
import dev.kurashi.catalog.ProductAdminService.StockLevel;
import dev.kurashi.catalog.ProductDetail;
import dev.kurashi.reading.ArticleQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** Staff changes to products and stock. Each change reaches the search index through the outbox. */
@Path("/api/v1/admin")
@RolesAllowed("staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminProductResource {

    private final ProductAdminService admin;
    private final ArticleQueries articles;

    public AdminProductResource(ProductAdminService admin, ArticleQueries articles) {
        this.admin = admin;
        this.articles = articles;
    }

    /** 201 with the product page's body; Location is the public product URL. */
    @POST
    @Path("/products")
    public Response create(@Valid @NotNull ProductRequest body) {
        ProductDetail created = admin.create(body.toCommand());
        return Response.created(UriBuilder.fromPath("/api/v1/products/{slug}").build(created.slug()))
                .entity(withArticles(created))
                .build();
    }

    @PUT
    @Path("/products/{slug}")
    public ProductDetailResponse replace(@PathParam("slug") String slug, @Valid @NotNull ProductRequest body) {
        return withArticles(admin.replace(slug, body.toCommand()));
    }

    @PUT
    @Path("/skus/{sku}/stock")
    public StockLevel setStock(@PathParam("sku") String sku, @Valid @NotNull StockRequest body) {
        return admin.setStock(sku, body.quantity());
    }

    private ProductDetailResponse withArticles(ProductDetail product) {
        return ProductDetailResponse.of(product, articles.relatedToProduct(product.id()));
    }
}
