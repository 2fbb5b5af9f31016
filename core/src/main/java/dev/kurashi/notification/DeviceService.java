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
     * Registers a token for the customer, or updates its platform. {@code installId} is the app install's own
     * random secret (kept in the keychain / keystore, sent only to us); only its SHA-256 is stored.
     *
     * <p>A token another customer holds moves to this one only with proof that it is the same install: the same
     * {@code installId} as the holder registered it with (one phone, another account signed in). Knowing a push token
     * is not enough (issue 12: anyone who learnt a token could take another customer's pushes), so otherwise the
     * answer is a conflict and nothing moves; the holder keeps it until they unregister it or the push service
     * reports it dead.
     */
    @Transactional
    @WithSpan
    public void register(long customerId, String token, String platform, String installId) {
        requireToken(token);
        Platform parsed;
        try {
            parsed = Platform.fromCode(platform);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("platform must be ios or android");
        }
        String installHash = installId == null ? null : sha256(installId);
        if (devices.insertIfAbsent(token, customerId, parsed, installHash) == 1) {
            return;
        }
        Device device = devices.findForUpdate(token).orElseThrow(() -> DomainException.conflict("retry"));
        boolean sameInstall = installHash != null && installHash.equals(device.installIdHash);
        if (device.customerId != customerId && !sameInstall) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "Device registered to another account",
                    "This push token belongs to another account; register it from the same app install"
                            + " (installId) or sign out there first");
        }
        device.customerId = customerId;
        device.platform = parsed;
        if (installHash != null) {
            device.installIdHash = installHash;
        }
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
