package dev.kurashi.shop.security;

import dev.kurashi.common.DomainException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only endpoints (outside /api/v1) that exercise security and error mapping without feature code. */
@Path("/api/test-probe")
public class ProbeResource {

    private final CurrentCustomer customer;

    public ProbeResource(CurrentCustomer customer) {
        this.customer = customer;
    }

    public record Line(@NotNull @Pattern(regexp = "[A-Z0-9-]{3,40}") String sku, @Min(1) @Max(99) int quantity) {}

    public record Body(@NotNull @Min(1) @Max(99) Integer quantity, @Valid List<@Valid Line> lines) {}

    @GET
    @Path("public")
    @Operation(hidden = true)
    public Map<String, Object> anonymous() {
        return Map.of("signedIn", customer.signedIn());
    }

    @GET
    @Path("me")
    @Authenticated
    @Operation(hidden = true)
    public Map<String, Object> me() {
        return Map.of("id", customer.id(), "staff", customer.staff());
    }

    @GET
    @Path("staff")
    @RolesAllowed("staff")
    @Operation(hidden = true)
    public Map<String, Object> staff() {
        return Map.of("id", customer.id());
    }

    @PUT
    @Path("body/{sku}")
    @Operation(hidden = true)
    public Body body(@PathParam("sku") @Pattern(regexp = "[A-Z0-9-]{3,40}") String sku, @NotNull @Valid Body body) {
        return body;
    }

    @POST
    @Path("domain/{kind}")
    @Operation(hidden = true)
    public void domain(@PathParam("kind") String kind) {
        throw new DomainException(
                DomainException.Kind.valueOf(kind), "Probe", "probe " + kind, Map.of("unavailable", List.of("X")));
    }

    @GET
    @Path("boom")
    @Operation(hidden = true)
    public void boom() {
        throw new IllegalStateException("select * from secret_table; at dev.kurashi.Secret");
    }
}
