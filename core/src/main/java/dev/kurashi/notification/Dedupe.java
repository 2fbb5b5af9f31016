package dev.kurashi.notification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** The deterministic id of one send: the same event, channel and recipient always give the same id. */
public final class Dedupe {

    private Dedupe() {}

    /** Hex SHA-256 of the event id, the channel and the recipient. */
    public static String id(UUID eventId, String channel, String recipient) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((eventId + "\n" + channel + "\n" + recipient).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A UUID made of the id's first 16 bytes, for providers that want one (APNs {@code apns-id}). */
    static UUID uuid(String dedupeId) {
        ByteBuffer bytes = ByteBuffer.wrap(HexFormat.of().parseHex(dedupeId, 0, 32));
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
