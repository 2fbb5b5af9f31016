package dev.kurashi.shop.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cart of a visitor who has not signed in, kept in the browser: an HttpOnly, SameSite=Lax cookie whose
 * value is {@code v1.<lines>.<HMAC-SHA256>}, so the server stores nothing for guests and a tampered cookie is
 * simply an empty cart. Prices are never stored: they are read from the catalog whenever the cart is shown.
 * On the first signed-in visit to a cart, checkout or account page the lines move into the customer's cart.
 */
@ApplicationScoped
public class GuestCart {

    public static final String COOKIE = "kurashi_cart";
    static final int MAX_LINES = 30;
    static final int MAX_QUANTITY = 99;
    private static final Pattern SKU = Pattern.compile("[A-Z0-9-]{3,40}");
    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** One line: a SKU code and its quantity (1..99). */
    public record Line(String sku, int quantity) {}

    private final WebConfig config;

    public GuestCart(WebConfig config) {
        this.config = config;
    }

    /** The lines of a cookie value; missing, malformed or forged values are an empty cart. */
    public List<Line> read(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 4000) {
            return List.of();
        }
        String[] parts = cookieValue.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return List.of();
        }
        byte[] expected = mac(VERSION + "." + parts[1]);
        byte[] given;
        String payload;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
            payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return List.of();
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (String entry : payload.split("\\|")) {
            int star = entry.indexOf('*');
            if (star < 0) {
                continue;
            }
            String sku = entry.substring(0, star);
            int quantity;
            try {
                quantity = Integer.parseInt(entry.substring(star + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            if (SKU.matcher(sku).matches() && quantity >= 1 && quantity <= MAX_QUANTITY && lines.size() < MAX_LINES) {
                lines.put(sku, quantity);
            }
        }
        return lines.entrySet().stream()
                .map(e -> new Line(e.getKey(), e.getValue()))
                .toList();
    }

    /** The lines with {@code quantity} more of {@code sku} (capped at 99), the newest line last. */
    public List<Line> add(List<Line> lines, String sku, int quantity) {
        List<Line> result = new ArrayList<>();
        int current = 0;
        for (Line line : lines) {
            if (line.sku().equals(sku)) {
                current = line.quantity();
            } else {
                result.add(line);
            }
        }
        result.add(new Line(sku, Math.min(MAX_QUANTITY, current + quantity)));
        return result.size() > MAX_LINES ? result.subList(result.size() - MAX_LINES, result.size()) : result;
    }

    /** The lines with {@code sku} set to {@code quantity}, or removed when quantity is 0. */
    public List<Line> set(List<Line> lines, String sku, int quantity) {
        List<Line> result = new ArrayList<>();
        for (Line line : lines) {
            if (!line.sku().equals(sku)) {
                result.add(line);
            } else if (quantity > 0) {
                result.add(new Line(sku, Math.min(MAX_QUANTITY, quantity)));
            }
        }
        return result;
    }

    /** The cookie holding these lines; no lines clears it. */
    public NewCookie cookie(List<Line> lines) {
        if (lines.isEmpty()) {
            return clear();
        }
        StringBuilder payload = new StringBuilder();
        for (Line line : lines) {
            if (!payload.isEmpty()) {
                payload.append('|');
            }
            payload.append(line.sku()).append('*').append(line.quantity());
        }
        String body = B64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        String value = VERSION + "." + body + "." + B64.encodeToString(mac(VERSION + "." + body));
        return build(value, (int) config.cartCookieMaxAge().toSeconds());
    }

    /** A cookie that removes the guest cart from the browser. */
    public NewCookie clear() {
        return build("", 0);
    }

    private NewCookie build(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(config.secureCookies())
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    private byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.cartCookieSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
