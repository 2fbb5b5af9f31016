package dev.kurashi.shop.telemetry;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only: an order endpoint with a bug. It fails with an exception whose message quotes the whole order, the
 * worst a real bug could do, so the test can show that none of it reaches the error tracker.
 */
@Path("/api/test-probe/failing-order")
public class FailingOrderProbe {

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> place(Map<String, Object> order) {
        throw new IllegalStateException("cannot ship order " + order);
    }
}
