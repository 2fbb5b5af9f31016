package dev.kurashi.shop.device;

import dev.kurashi.notification.DeviceService;
import dev.kurashi.shop.security.CurrentCustomer;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Push tokens of the signed-in customer's phones. {@code PUT} registers a token (204); a token another customer
 * holds moves to the caller only from the same app install ({@code installId}), otherwise 409;
 * {@code DELETE} removes one of the caller's own tokens (204), any other is 404.
 */
@Path("/api/v1/devices")
@Authenticated
public class DeviceResource {

    /** Body of {@code PUT /devices/{token}}. */
    public record DeviceRequest(
            @NotNull @Pattern(regexp = "ios|android", message = "must be ios or android") String platform,
            @Pattern(regexp = "[A-Za-z0-9_-]{16,128}", message = "must be 16 to 128 characters of A-Z, a-z, 0-9, _ -")
                    String installId) {}

    private final DeviceService devices;
    private final CurrentCustomer customer;

    public DeviceResource(DeviceService devices, CurrentCustomer customer) {
        this.devices = devices;
        this.customer = customer;
    }

    @PUT
    @Path("/{token}")
    @Operation(operationId = "registerDevice", summary = "Registers a push token for the current customer")
    @APIResponse(responseCode = "204", description = "Registered")
    @Consumes(MediaType.APPLICATION_JSON)
    public void register(
            @PathParam("token") @Pattern(regexp = DeviceService.TOKEN_PATTERN, message = "is not a valid push token")
                    String token,
            @Valid @NotNull DeviceRequest body) {
        devices.register(customer.id(), token, body.platform(), body.installId());
    }

    @DELETE
    @Path("/{token}")
    @Operation(operationId = "unregisterDevice", summary = "Forgets a push token")
    @APIResponse(responseCode = "204", description = "Forgotten (also when it was not registered)")
    public void unregister(@PathParam("token") String token) {
        devices.unregister(customer.id(), token);
    }
}
