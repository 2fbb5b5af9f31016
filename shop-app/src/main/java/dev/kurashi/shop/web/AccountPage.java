package dev.kurashi.shop.web;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.ProductDetail;
import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.common.DomainException;
import dev.kurashi.common.Page;
import dev.kurashi.common.PageRequest;
import dev.kurashi.customer.FavoriteService;
import dev.kurashi.order.OrderService;
import dev.kurashi.order.OrderView;
import dev.kurashi.shop.security.CurrentCustomer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;

/** The signed-in customer's pages: orders and favorites. */
@Path("/account")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AccountPage {

    static final int PAGE_SIZE = 20;
    private static final String SLUG = "[a-z0-9-]{3,80}";

    private final Template ordersTemplate;
    private final Template orderTemplate;
    private final Template favoritesTemplate;
    private final Storefront storefront;
    private final OrderService orders;
    private final FavoriteService favorites;
    private final CatalogService catalog;
    private final CurrentCustomer customer;
    private final OrderPresenter presenter;
    private final WebCart cart;

    public AccountPage(
            @Location("pages/orders.html") Template ordersTemplate,
            @Location("pages/order.html") Template orderTemplate,
            @Location("pages/favorites.html") Template favoritesTemplate,
            Storefront storefront,
            OrderService orders,
            FavoriteService favorites,
            CatalogService catalog,
            CurrentCustomer customer,
            OrderPresenter presenter,
            WebCart cart) {
        this.ordersTemplate = ordersTemplate;
        this.orderTemplate = orderTemplate;
        this.favoritesTemplate = favoritesTemplate;
        this.storefront = storefront;
        this.orders = orders;
        this.favorites = favorites;
        this.catalog = catalog;
        this.customer = customer;
        this.presenter = presenter;
        this.cart = cart;
    }

    @GET
    @Path("orders")
    public Response orders(@QueryParam("cursor") String cursor, @QueryParam("trail") String trail) {
        long id = customer.id();
        Page<OrderView> page = firstPageOnBadCursor(
                () -> orders.list(id, PageRequest.of(cursor, PAGE_SIZE)),
                () -> orders.list(id, PageRequest.first(PAGE_SIZE)));
        return personal(storefront
                .page(ordersTemplate)
                .data("cartCount", cart.count(id))
                .data("orders", page.items().stream().map(presenter::present).toList())
                .data("paging", Paging.of("/account/orders", cursor, trail, page.nextCursor()))
                .data("section", "orders")
                .data("crumbs", crumbs("ご注文履歴")));
    }

    @GET
    @Path("orders/{id}")
    public Response order(@PathParam("id") String orderId) {
        OrderView order = orders.get(customer.id(), orderId);
        return personal(storefront
                .page(orderTemplate)
                .data("cartCount", cart.count(customer.id()))
                .data("order", presenter.present(order))
                .data(
                        "crumbs",
                        List.of(
                                new Storefront.Crumb("ホーム", "/"),
                                new Storefront.Crumb("ご注文履歴", "/account/orders"),
                                new Storefront.Crumb("ご注文の詳細", ""))));
    }

    /** Favorites; {@code ?add=slug} (the product page's button) asks to confirm adding that product. */
    @GET
    @Path("favorites")
    public Response favorites(
            @QueryParam("add") String add,
            @QueryParam("added") String added,
            @QueryParam("removed") String removed,
            @QueryParam("cursor") String cursor,
            @QueryParam("trail") String trail) {
        long id = customer.id();
        Page<ProductSummary> page = firstPageOnBadCursor(
                () -> favorites.list(id, PageRequest.of(cursor, PAGE_SIZE)),
                () -> favorites.list(id, PageRequest.first(PAGE_SIZE)));
        ProductDetail candidate = null;
        if (add != null && add.matches(SLUG)) {
            try {
                candidate = catalog.product(add);
            } catch (DomainException e) {
                // an unknown product is simply not offered
            }
        }
        boolean alreadyFavorite = candidate != null
                && page.items().stream().anyMatch(p -> p.slug().equals(add));
        Flash flash = added != null
                ? new Flash("success", "お気に入りに追加しました。売り切れの商品は、再入荷したらお知らせします。")
                : removed != null ? new Flash("success", "お気に入りから外しました。") : null;
        return personal(storefront
                .page(favoritesTemplate)
                .data("products", page.items())
                .data("cartCount", cart.count(id))
                .data("candidate", alreadyFavorite ? null : candidate)
                .data("flash", flash)
                .data("paging", Paging.of("/account/favorites", cursor, trail, page.nextCursor()))
                .data("section", "favorites")
                .data("crumbs", crumbs("お気に入り")));
    }

    @POST
    @Path("favorites")
    public Response addFavorite(@RestForm String product) {
        try {
            favorites.add(customer.id(), product);
        } catch (DomainException e) {
            return CartPage.redirect("/account/favorites").build();
        }
        return CartPage.redirect("/account/favorites?added=1").build();
    }

    @POST
    @Path("favorites/remove")
    public Response removeFavorite(@RestForm String product) {
        try {
            favorites.remove(customer.id(), product);
        } catch (DomainException e) {
            // not a product any more: nothing to remove
        }
        return CartPage.redirect("/account/favorites?removed=1").build();
    }

    private static List<Storefront.Crumb> crumbs(String current) {
        return List.of(new Storefront.Crumb("ホーム", "/"), new Storefront.Crumb(current, ""));
    }

    private static Response personal(TemplateInstance page) {
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, Storefront.NO_STORE)
                .build();
    }

    private static <T> Page<T> firstPageOnBadCursor(Supplier<Page<T>> page, Supplier<Page<T>> first) {
        try {
            return page.get();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.INVALID) {
                return first.get();
            }
            throw e;
        }
    }
}
