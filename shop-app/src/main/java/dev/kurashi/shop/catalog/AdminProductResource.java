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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @Operation(operationId = "createProduct", summary = "Creates a product with its SKUs")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the public product URL",
            headers =
                    @Header(
                            name = "Location",
                            description = "/api/v1/products/{slug}",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ProductDetailResponse.class)))
    @APIResponse(responseCode = "409", description = "The slug or a SKU code is taken")
    public Response create(@Valid @NotNull ProductRequest body) {
        ProductDetail created = admin.create(body.toCommand());
        return Response.created(UriBuilder.fromPath("/api/v1/products/{slug}").build(created.slug()))
                .entity(withArticles(created))
                .build();
    }

    @PUT
    @Path("/products/{slug}")
    @Operation(operationId = "replaceProduct", summary = "Replaces a product and its SKUs")
    @APIResponse(responseCode = "200", description = "The product as it is now")
    @APIResponse(responseCode = "404", description = "No such product")
    public ProductDetailResponse replace(@PathParam("slug") String slug, @Valid @NotNull ProductRequest body) {
        return withArticles(admin.replace(slug, body.toCommand()));
    }

    @PUT
    @Path("/skus/{sku}/stock")
    @Operation(operationId = "setStock", summary = "Sets the stock on hand of a SKU")
    @APIResponse(responseCode = "200", description = "The stock level as it is now")
    @APIResponse(responseCode = "404", description = "No such SKU")
    public StockLevel setStock(@PathParam("sku") String sku, @Valid @NotNull StockRequest body) {
        return admin.setStock(sku, body.quantity());
    }

    private ProductDetailResponse withArticles(ProductDetail product) {
        return ProductDetailResponse.of(product, articles.relatedToProduct(product.id()));
    }
}
