package dev.kurashi.shop.http;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /csrf}: the visitor's CSRF token (and its cookie), for a form on a cacheable page. Such a page may
 * not carry a token itself (it would set a cookie on a shared-cache answer), so its script fetches one here
 * when the form is submitted. The path is a token-creating path ({@code quarkus.rest-csrf.create-token-path})
 * and a personal one (never cached).
 */
@Path("/csrf")
public class CsrfTokenResource {

    /** The form field (or header) to send the token in, and the token. */
    public record CsrfToken(String parameterName, String headerName, String token) {}

    private final CsrfTokenParameterProvider csrf;

    public CsrfTokenResource(CsrfTokenParameterProvider csrf) {
        this.csrf = csrf;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CsrfToken token() {
        return new CsrfToken(csrf.getParameterName(), csrf.getHeaderName(), csrf.getToken());
    }
}
