package dev.kurashi.shop.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every form POST (urlencoded or multipart, any path) must carry the {@link Csrf} token of this browser and this
 * visitor, or it is refused with 400 before any resource runs. Other media types (the bearer-token JSON API, which
 * no browser sends cross-site without a CORS preflight, and the provider's signed webhooks) are not checked.
 */
public class CsrfCheck {

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /**
     * Personal pages with forms, which hand out the cookie even when the form is not rendered yet (an empty cart),
     * so that a form added by script or the next page finds it. Exact paths; a cacheable page is never one.
     */
    static final Set<String> FORM_PAGES =
            Set.of("/cart", "/checkout", "/account", "/account/orders", "/account/favorites", "/login");

    private final Csrf csrf;

    public CsrfCheck(Csrf csrf) {
        this.csrf = csrf;
    }

    @ServerRequestFilter(readBody = true)
    public Response check(ResteasyReactiveContainerRequestContext context) {
        if (SAFE.contains(context.getMethod()) || !isForm(context.getMediaType())) {
            return null;
        }
        ResteasyReactiveRequestContext request = (ResteasyReactiveRequestContext) context.getServerRequestContext();
        Object submitted = request.getFormParameter(Csrf.NAME, true, false);
        if (submitted instanceof String token && csrf.verifies(token)) {
            return null;
        }
        return Response.status(Response.Status.BAD_REQUEST).build();
    }

    @ServerResponseFilter
    public void handOut(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.GET.equals(request.getMethod())
                && response.getStatus() == 200
                && FORM_PAGES.contains(request.getUriInfo().getPath())) {
            csrf.getToken();
        }
    }

    private static boolean isForm(MediaType type) {
        return type != null
                && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
