package dev.kurashi.notification;

import dev.kurashi.common.DomainException;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.regex.Pattern;

/** The push tokens of customers' phones. */
@ApplicationScoped
public class DeviceService {

    /** APNs device tokens (hex) and FCM registration tokens fit this; anything else is not a token. */
    public static final String TOKEN_PATTERN = "[A-Za-z0-9_:.\\-]{16,4096}";

    private static final Pattern TOKEN = Pattern.compile(TOKEN_PATTERN);

    private final DeviceRepository devices;

    public DeviceService(DeviceRepository devices) {
        this.devices = devices;
    }

    /**
     * Registers a token for the customer, or updates its platform. A token another customer registered
     * moves to this one: the phone now belongs to whoever signed in on it last.
     */
    @Transactional
    @WithSpan
    public void register(long customerId, String token, String platform) {
        requireToken(token);
        Platform parsed;
        try {
            parsed = Platform.fromCode(platform);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("platform must be ios or android");
        }
        devices.upsert(token, customerId, parsed);
    }

    /** Removes one of the customer's own tokens; any other token is not found. */
    @Transactional
    @WithSpan
    public void unregister(long customerId, String token) {
        if (token == null || !TOKEN.matcher(token).matches() || !devices.deleteByTokenAndCustomer(token, customerId)) {
            throw DomainException.notFound("Device", "token");
        }
    }

    private static void requireToken(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw DomainException.invalid("token must be 16 to 4096 characters of A-Z, a-z, 0-9, _ : - .");
        }
    }
}
