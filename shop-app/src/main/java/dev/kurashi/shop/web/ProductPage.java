package dev.kurashi.shop.web;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.CategoryView;
import dev.kurashi.catalog.ProductDetail;
import dev.kurashi.catalog.SkuView;
import dev.kurashi.common.DomainException;
import dev.kurashi.reading.ArticleQueries;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A product: gallery, SKU choice and the way into the cart. The page is the same for every visitor, so a
 * CDN may keep it; the cart and favorite buttons therefore lead (GET) to the personal cart and favorites
 * pages, which ask to confirm with a CSRF-protected POST.
 */
@Path("/products/{slug}")
@Produces(MediaType.TEXT_HTML)
public class ProductPage {

    private static final String SLUG = "[a-z0-9-]{1,80}";

    private final Template product;
    private final Storefront storefront;
    private final CatalogService catalog;
    private final ArticleQueries articles;

    public ProductPage(
            @Location("pages/product.html") Template product,
            Storefront storefront,
            CatalogService catalog,
            ArticleQueries articles) {
        this.product = product;
        this.storefront = storefront;
        this.catalog = catalog;
        this.articles = articles;
    }

    /** An image of the gallery; {@code alt} describes it for screen readers. */
    public record Image(String url, String alt) {}

    @GET
    public RestResponse<TemplateInstance> get(@PathParam("slug") String slug) {
        if (slug == null || !slug.matches(SLUG)) {
            throw DomainException.notFound("Product", slug);
        }
        ProductDetail detail = catalog.product(slug);
        List<SkuView> available =
                detail.skus().stream().filter(SkuView::available).toList();
        SkuView shown = available.isEmpty()
                ? (detail.skus().isEmpty() ? null : detail.skus().getFirst())
                : available.getFirst();
        List<Storefront.Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Storefront.Crumb("ホーム", "/"));
        CategoryView category = storefront.category(detail.category());
        if (category != null) {
            crumbs.add(new Storefront.Crumb(category.name(), "/categories/" + category.slug()));
        }
        crumbs.add(new Storefront.Crumb(detail.name(), ""));
        return RestResponse.ok(storefront
                .page(product)
                .data("p", detail)
                .data("images", images(detail))
                .data("category", category)
                .data("activeCategory", category == null ? null : topSlug(category))
                .data("crumbs", crumbs)
                .data("shownPrice", shown == null ? null : shown.priceJpy())
                .data(
                        "selectedSku",
                        available.isEmpty() ? null : available.getFirst().sku())
                .data("purchasable", !available.isEmpty())
                .data("reduced", detail.taxRate() == 8)
                .data("related", articles.relatedToProduct(detail.id())));
    }

    private String topSlug(CategoryView category) {
        return category.parent() == null ? category.slug() : category.parent();
    }

    /** The product's pictures; until it has photographs, three drawn illustrations. */
    private static List<Image> images(ProductDetail detail) {
        List<String> urls = detail.images().isEmpty()
                ? IntStream.rangeClosed(1, 3)
                        .mapToObj(n -> "/images/products/" + detail.slug() + "/" + n + ".svg")
                        .toList()
                : detail.images();
        List<Image> result = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            result.add(new Image(urls.get(i), detail.name() + "（" + (i + 1) + "枚目の画像）"));
        }
        return result;
    }
}
