package dev.kurashi.shop.web;

import dev.kurashi.common.DomainException;
import dev.kurashi.order.CheckoutResult;
import dev.kurashi.order.OrderService;
import dev.kurashi.order.OrderView;
import dev.kurashi.order.payment.PaymentConfig;
import dev.kurashi.shop.security.CurrentCustomer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checkout and its confirmation. Sign-in is required (an anonymous visitor is sent through the login and
 * back). The page hands out an Idempotency-Key in a hidden field, so a second submit of the same form
 * (double click, reload after a timeout) replays the first order instead of placing another.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CheckoutPage {

    /** The site's CSP plus what Stripe.js and its card iframe need (Stripe's documented hosts), on this page only. */
    static final String STRIPE_CSP = "default-src 'self'; img-src 'self' data: https://*.stripe.com; style-src 'self';"
            + " script-src 'self' https://js.stripe.com; frame-src https://js.stripe.com https://hooks.stripe.com;"
            + " connect-src 'self' https://api.stripe.com; frame-ancestors 'none'; form-action 'self';"
            + " base-uri 'self'; object-src 'none'";

    private final Template checkout;
    private final Template complete;
    private final Storefront storefront;
    private final WebCart cart;
    private final GuestCart guest;
    private final OrderService orders;
    private final CurrentCustomer customer;
    private final OrderPresenter presenter;
    private final PaymentConfig payment;

    public CheckoutPage(
            @Location("pages/checkout.html") Template checkout,
            @Location("pages/order-complete.html") Template complete,
            Storefront storefront,
            WebCart cart,
            GuestCart guest,
            OrderService orders,
            CurrentCustomer customer,
            OrderPresenter presenter,
            PaymentConfig payment) {
        this.checkout = checkout;
        this.complete = complete;
        this.storefront = storefront;
        this.cart = cart;
        this.guest = guest;
        this.orders = orders;
        this.customer = customer;
        this.presenter = presenter;
        this.payment = payment;
    }

    /** Stripe's publishable key when Stripe takes the cards: the page then shows Stripe Elements' card form. */
    private String stripeKey() {
        return payment.provider() == PaymentConfig.Provider.STRIPE
                ? payment.stripe().publishableKey().orElse(null)
                : null;
    }

    @GET
    @Path("checkout")
    public Response form(@CookieParam(GuestCart.COOKIE) String guestCookie) {
        long id = customer.id();
        NewCookie[] cookies = mergeGuest(id, guestCookie);
        CartModel model = cart.customerCart(id);
        if (model.empty()) {
            return CartPage.redirect("/cart").cookie(cookies).build();
        }
        CheckoutForm form = CheckoutForm.empty(UUID.randomUUID().toString());
        if (stripeKey() != null) {
            form.cardToken = null;
        }
        return page(model, form, Map.of(), null, Response.Status.OK)
                .cookie(cookies)
                .build();
    }

    @POST
    @Path("checkout")
    public Response place(@BeanParam CheckoutForm form) {
        long id = customer.id();
        if (form.idempotencyKey == null || !form.idempotencyKey.matches("[A-Za-z0-9-]{1,255}")) {
            form.idempotencyKey = UUID.randomUUID().toString();
        }
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return page(
                            cart.customerCart(id),
                            form,
                            errors,
                            new Flash("error", "入力内容をご確認ください。"),
                            Response.Status.BAD_REQUEST)
                    .build();
        }
        try {
            CheckoutResult result = orders.placeOrder(id, form.idempotencyKey, form.command());
            return CartPage.redirect("/orders/" + result.orderId() + "/complete")
                    .build();
        } catch (DomainException e) {
            return refused(id, form, e);
        }
    }

    @GET
    @Path("orders/{id}/complete")
    public Response complete(@PathParam("id") String orderId) {
        OrderView order = orders.get(customer.id(), orderId);
        TemplateInstance page = storefront.page(complete).data("order", presenter.present(order));
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, Storefront.NO_STORE)
                .build();
    }

    /** The order service said no: tell the customer why, keep what they typed. */
    private Response refused(long id, CheckoutForm form, DomainException e) {
        CartModel model = cart.customerCart(id);
        if (model.empty()) {
            return CartPage.redirect("/cart").build();
        }
        String message;
        Response.Status status;
        switch (e.kind()) {
            case PAYMENT_DECLINED -> {
                message = "カードが承認されませんでした。別のカードをお使いいただくか、コンビニ払いをお選びください。";
                status = Response.Status.PAYMENT_REQUIRED;
            }
            case CONFLICT -> {
                message = e.extensions().containsKey("unavailable")
                        ? "在庫が足りない商品があります。カートの数量を変えてから、もう一度お試しください。"
                        : "ご注文を処理しています。少し待ってから、もう一度お試しください。";
                status = Response.Status.CONFLICT;
            }
            case UNPROCESSABLE -> {
                // the key already placed an order for other details: this submit is a new order
                form.idempotencyKey = UUID.randomUUID().toString();
                message = "入力内容が変わったため、ご注文をやり直してください。内容をご確認のうえ、もう一度「注文を確定する」を押してください。";
                status = Response.Status.fromStatusCode(422);
            }
            default -> {
                message = "ご注文を確定できませんでした。入力内容をご確認ください。";
                status = Response.Status.BAD_REQUEST;
            }
        }
        return page(model, form, Map.of(), new Flash("error", message), status).build();
    }

    private Response.ResponseBuilder page(
            CartModel model, CheckoutForm form, Map<String, String> errors, Flash flash, Response.Status status) {
        TemplateInstance page = storefront
                .page(checkout)
                .data("cart", model)
                .data("cartCount", model.count())
                .data("form", form)
                .data("errors", errors)
                .data("flash", flash)
                .data("prefectures", CheckoutForm.PREFECTURES)
                // the test-card select only where the local gateway takes the "payments"
                .data("cardTokens", stripeKey() == null ? CheckoutForm.TEST_CARD_TOKENS : List.of())
                .data("stripeKey", stripeKey())
                .data(
                        "crumbs",
                        List.of(
                                new Storefront.Crumb("ホーム", "/"),
                                new Storefront.Crumb("カート", "/cart"),
                                new Storefront.Crumb("ご注文手続き", "")));
        Response.ResponseBuilder response = Response.status(status)
                .entity(page)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, Storefront.NO_STORE);
        return stripeKey() == null ? response : response.header("Content-Security-Policy", STRIPE_CSP);
    }

    private NewCookie[] mergeGuest(long id, String guestCookie) {
        List<GuestCart.Line> lines = guest.read(guestCookie);
        if (!lines.isEmpty()) {
            cart.merge(id, lines);
        }
        return guestCookie == null ? new NewCookie[0] : new NewCookie[] {guest.clear()};
    }
}
