package dev.kurashi.shop.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A storefront page that fails unexpectedly (test sources only), for the HTML error page. */
@Path("/test-page-probe")
public class PageProbeResource {

    @GET
    @Path("boom")
    @Produces(MediaType.TEXT_HTML)
    public String boom() {
        throw new IllegalStateException("select * from secret_table");
    }
}
