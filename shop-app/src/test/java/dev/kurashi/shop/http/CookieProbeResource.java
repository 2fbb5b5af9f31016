package dev.kurashi.shop.http;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only: answers on a public catalog path that set a cookie, through Vert.x and through Jakarta REST. */
@Path("/search/test-cookie-probe")
public class CookieProbeResource {

    @GET
    @Path("vertx")
    @Operation(hidden = true)
    public String vertx(RoutingContext context) {
        context.response().addCookie(Cookie.cookie("probe", "1").setPath("/"));
        return "ok";
    }

    @GET
    @Path("rest")
    @Operation(hidden = true)
    public Response rest() {
        return Response.ok("ok")
                .cookie(new NewCookie.Builder("probe").value("1").path("/").build())
                .header("Cache-Control", "public, max-age=600")
                .build();
    }

    @GET
    @Path("none")
    @Operation(hidden = true)
    public String none() {
        return "ok";
    }
}
