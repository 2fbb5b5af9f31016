package dev.kurashi.shop.web;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.ProductDetail;
import dev.kurashi.catalog.SkuView;
import dev.kurashi.common.DomainException;
import dev.kurashi.shop.security.CurrentCustomer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The cart, for guests (signed cookie, see {@link GuestCart}) and customers alike. A product page's カートに入れる
 * posts to {@code /cart/add} and lands on the cart in one step; the product page is cacheable and carries no
 * per-visitor token, so that form is checked by {@link SameOrigin} instead (ADR 1302). The cart's own forms carry
 * the CSRF token. {@code /cart?add=SKU} still shows a confirm panel, for links from elsewhere.
 */
@Path("/cart")
@Produces(MediaType.TEXT_HTML)
public class CartPage {

    private final Template cartTemplate;
    private final Storefront storefront;
    private final WebCart cart;
    private final GuestCart guest;
    private final CatalogService catalog;
    private final CurrentCustomer customer;

    public CartPage(
            @Location("pages/cart.html") Template cartTemplate,
            Storefront storefront,
            WebCart cart,
            GuestCart guest,
            CatalogService catalog,
            CurrentCustomer customer) {
        this.cartTemplate = cartTemplate;
        this.storefront = storefront;
        this.cart = cart;
        this.guest = guest;
        this.catalog = catalog;
        this.customer = customer;
    }

    /** A SKU offered for the cart: what the confirm panel shows. */
    public record Candidate(
            String sku,
            String productSlug,
            String name,
            String label,
            int priceJpy,
            boolean available,
            boolean reduced) {}

    @GET
    public Response get(
            @QueryParam("add") String add,
            @QueryParam("quantity") String quantity,
            @QueryParam("added") String added,
            @QueryParam("updated") String updated,
            @CookieParam(GuestCart.COOKIE) String guestCookie) {
        Flash flash = null;
        if (added != null) {
            flash = new Flash("success", "カートに追加しました。");
        } else if (updated != null) {
            flash = new Flash("success", "カートを更新しました。");
        }
        Integer requested = FormInput.quantity(quantity, GuestCart.MAX_QUANTITY);
        return render(guestCookie, add, requested == null ? 1 : requested, null, flash, Response.Status.OK);
    }

    /** Puts a SKU in the cart (quantity more if it is there already). */
    @POST
    @Path("items")
    public Response add(
            @RestForm String sku, @RestForm String quantity, @CookieParam(GuestCart.COOKIE) String guestCookie) {
        return addToCart(sku, quantity, guestCookie);
    }

    /**
     * The product page's one-step カートに入れる: a {@code text/plain} form ({@code sku=…}, {@code quantity=…} lines),
     * which the token filter leaves to this same-origin check (ADR 1302); then as {@link #add}.
     */
    @POST
    @Path("add")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response addFromProductPage(
            String body,
            @HeaderParam("Sec-Fetch-Site") String fetchSite,
            @HeaderParam("Origin") String origin,
            @HeaderParam(HttpHeaders.HOST) String host,
            @CookieParam(GuestCart.COOKIE) String guestCookie) {
        if (!SameOrigin.allows(fetchSite, origin, host)) {
            return render(
                    guestCookie,
                    null,
                    1,
                    null,
                    new Flash("error", "カートに入れられませんでした。商品ページからもう一度お試しください。"),
                    Response.Status.FORBIDDEN);
        }
        Map<String, String> fields = plainFormFields(body);
        return addToCart(fields.get("sku"), fields.getOrDefault("quantity", "1"), guestCookie);
    }

    /** The fields of a {@code text/plain} form body: one {@code name=value} a line, the first of each name. */
    static Map<String, String> plainFormFields(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body == null) {
            return fields;
        }
        for (String line : body.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.putIfAbsent(
                        line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return fields;
    }

    private Response addToCart(String sku, String quantity, String guestCookie) {
        Integer n = FormInput.quantity(quantity, GuestCart.MAX_QUANTITY);
        Optional<Candidate> candidate = candidate(sku);
        if (candidate.isEmpty()) {
            return render(
                    guestCookie, null, 1, null, new Flash("error", "この商品は現在お取り扱いしていません。"), Response.Status.NOT_FOUND);
        }
        if (n == null) {
            return render(guestCookie, sku, 1, "数量は1から99までの数字で入力してください。", null, Response.Status.BAD_REQUEST);
        }
        if (!candidate.get().available()) {
            return render(guestCookie, sku, n, "申し訳ありません。この商品は売り切れです。", null, Response.Status.CONFLICT);
        }
        if (customer.signedIn()) {
            long id = customer.id();
            mergeGuest(id, guestCookie);
            cart.add(id, sku, n);
            return redirect("/cart?added=1").cookie(clearIfPresent(guestCookie)).build();
        }
        NewCookie cookie = guest.cookie(guest.add(guest.read(guestCookie), sku, n));
        return redirect("/cart?added=1").cookie(cookie).build();
    }

    /** Changes a line's quantity. */
    @POST
    @Path("update")
    public Response update(
            @RestForm String sku, @RestForm String quantity, @CookieParam(GuestCart.COOKIE) String guestCookie) {
        Integer n = FormInput.quantity(quantity, GuestCart.MAX_QUANTITY);
        if (sku == null || sku.isBlank()) {
            return redirect("/cart").build();
        }
        if (n == null) {
            return render(
                    guestCookie,
                    null,
                    1,
                    null,
                    new Flash("error", "数量は1から99までの数字で入力してください。"),
                    Response.Status.BAD_REQUEST);
        }
        if (customer.signedIn()) {
            long id = customer.id();
            mergeGuest(id, guestCookie);
            try {
                cart.setQuantity(id, sku, n);
            } catch (DomainException e) {
                return render(
                        guestCookie,
                        null,
                        1,
                        null,
                        new Flash("error", "この商品は現在お取り扱いしていません。"),
                        Response.Status.NOT_FOUND);
            }
            return redirect("/cart?updated=1")
                    .cookie(clearIfPresent(guestCookie))
                    .build();
        }
        return redirect("/cart?updated=1")
                .cookie(guest.cookie(guest.set(guest.read(guestCookie), sku, n)))
                .build();
    }

    /** Takes a line out of the cart. */
    @POST
    @Path("remove")
    public Response remove(@RestForm String sku, @CookieParam(GuestCart.COOKIE) String guestCookie) {
        if (sku == null || sku.isBlank()) {
            return redirect("/cart").build();
        }
        if (customer.signedIn()) {
            long id = customer.id();
            mergeGuest(id, guestCookie);
            try {
                cart.remove(id, sku);
            } catch (DomainException e) {
                // an unknown SKU is not in the cart: nothing to remove
            }
            return redirect("/cart?updated=1")
                    .cookie(clearIfPresent(guestCookie))
                    .build();
        }
        return redirect("/cart?updated=1")
                .cookie(guest.cookie(guest.set(guest.read(guestCookie), sku, 0)))
                .build();
    }

    private Response render(
            String guestCookie, String add, int quantity, String addError, Flash flash, Response.Status status) {
        CartModel model;
        NewCookie[] cookies;
        boolean signedIn = customer.signedIn();
        if (signedIn) {
            long id = customer.id();
            mergeGuest(id, guestCookie);
            model = cart.customerCart(id);
            cookies = clearIfPresent(guestCookie);
        } else {
            model = cart.guestCart(guest.read(guestCookie));
            cookies = new NewCookie[0];
        }
        Candidate candidate = add == null ? null : candidate(add).orElse(null);
        if (add != null && candidate == null && flash == null) {
            flash = new Flash("error", "お探しの商品は見つかりませんでした。");
        }
        TemplateInstance page = storefront
                .page(cartTemplate)
                .data("cart", model)
                .data("cartCount", model.count())
                .data("candidate", candidate)
                .data("candidateQuantity", quantity)
                .data("addError", addError)
                .data("signedIn", signedIn)
                .data("flash", flash)
                .data("crumbs", List.of(new Storefront.Crumb("ホーム", "/"), new Storefront.Crumb("カート", "")));
        return Response.status(status)
                .entity(page)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, Storefront.NO_STORE)
                .cookie(cookies)
                .build();
    }

    /** The SKU with its product, for the confirm panel; empty when it is not for sale. */
    private Optional<Candidate> candidate(String sku) {
        if (sku == null || !sku.matches("[A-Z0-9-]{3,40}") || !cart.purchasable(sku)) {
            return Optional.empty();
        }
        String slug = cart.productSlug(sku);
        ProductDetail product;
        try {
            product = catalog.product(slug);
        } catch (DomainException e) {
            return Optional.empty();
        }
        return product.skus().stream()
                .filter(s -> s.sku().equals(sku))
                .findFirst()
                .map(s -> candidate(product, s));
    }

    private static Candidate candidate(ProductDetail product, SkuView sku) {
        return new Candidate(
                sku.sku(),
                product.slug(),
                product.name(),
                sku.label(),
                sku.priceJpy(),
                sku.available(),
                product.taxRate() == 8);
    }

    private void mergeGuest(long customerId, String guestCookie) {
        List<GuestCart.Line> lines = guest.read(guestCookie);
        if (!lines.isEmpty()) {
            cart.merge(customerId, lines);
        }
    }

    private NewCookie[] clearIfPresent(String guestCookie) {
        return guestCookie == null ? new NewCookie[0] : new NewCookie[] {guest.clear()};
    }

    static Response.ResponseBuilder redirect(String path) {
        return Response.seeOther(URI.create(path)).header(HttpHeaders.CACHE_CONTROL, Storefront.NO_STORE);
    }
}
