package dev.kurashi.shop.web;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code /login?redirect=/path}: being a signed-in-only page, it sends a visitor through the issuer's login
 * (authorization-code flow), then back to where they were. Only paths of this site are followed, so the
 * link cannot be used to send people elsewhere.
 */
@Path("/login")
@Authenticated
public class LoginPage {

    @GET
    public Response login(@QueryParam("redirect") String redirect) {
        return CartPage.redirect(safeTarget(redirect)).build();
    }

    static String safeTarget(String redirect) {
        if (redirect == null
                || !redirect.startsWith("/")
                || redirect.startsWith("//")
                || redirect.startsWith("/\\")
                || redirect.length() > 500
                || !redirect.matches("[A-Za-z0-9/_.~?&=%,-]*")) {
            return "/account/orders";
        }
        return redirect;
    }
}
