package dev.kurashi.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A validated {@code cursor} + {@code limit} pair. The cursor is opaque to clients: the base64url form of
 * the last row's sort key, so a page is a keyset query and never an OFFSET scan.
 */
public record PageRequest(String afterKey, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw DomainException.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(decode(cursor), size);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (cursor.length() > 200) {
            throw DomainException.invalid("cursor is not valid");
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("cursor is not valid");
        }
    }

    /** The after-key as a number, for lists keyed by id. */
    public Long afterId() {
        if (afterKey == null) {
            return null;
        }
        try {
            return Long.parseLong(afterKey);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("cursor is not valid");
        }
    }

    /**
     * Builds the page from rows fetched with {@code limit + 1}: the extra row only tells that a next page
     * exists.
     */
    public <T> Page<T> page(List<T> rowsPlusOne, Function<T, String> keyOf) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(rowsPlusOne, null);
        }
        var items = rowsPlusOne.subList(0, limit);
        return new Page<>(List.copyOf(items), encode(keyOf.apply(items.get(limit - 1))));
    }
}
