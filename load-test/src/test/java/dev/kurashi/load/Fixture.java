package dev.kurashi.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a simulation needs before it starts, read from the running platform with plain HTTP: product slugs, SKU
 * codes (stocked up through the staff API so a run measures orders, not sold-out answers) and access tokens from
 * the devstack's OIDC issuer.
 */
final class Fixture {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixture() {}

    /** Slugs of the first {@code max} active products. */
    static List<String> productSlugs(int max) {
        List<String> slugs = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(Target.BASE_URL + "/api/v1/products?limit=100"
                    + (cursor == null ? "" : "&cursor=" + encode(cursor)), null);
            page.path("items").forEach(p -> slugs.add(p.path("slug").asText()));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null && slugs.size() < max);
        return slugs.size() > max ? slugs.subList(0, max) : slugs;
    }

    /** The first visible SKU of each of {@code count} products: distinct SKUs across the catalog. */
    static List<String> skus(int count) {
        List<String> codes = new ArrayList<>();
        for (String slug : productSlugs(count * 2)) {
            JsonNode skus = get(Target.BASE_URL + "/api/v1/products/" + slug, null).path("skus");
            if (!skus.isEmpty()) {
                codes.add(skus.get(0).path("sku").asText());
            }
            if (codes.size() == count) {
                break;
            }
        }
        if (codes.size() < count) {
            throw new IllegalStateException("the catalog has only " + codes.size() + " products with SKUs");
        }
        return codes;
    }

    /** Sets each SKU's stock to {@code quantity} through the staff API. */
    static void stockUp(List<String> skus, int quantity) {
        String staff = token("load-staff", true);
        for (String sku : skus) {
            send(HttpRequest.newBuilder(URI.create(Target.BASE_URL + "/api/v1/admin/skus/" + sku + "/stock"))
                    .header("Authorization", "Bearer " + staff)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":" + quantity + "}"))
                    .build());
        }
    }

    /** The on-hand quantity of a SKU is not public: availability is, which is what the run checks. */
    static boolean available(String slug) {
        JsonNode skus = get(Target.BASE_URL + "/api/v1/products/" + slug, null).path("skus");
        return skus.isEmpty() || skus.get(0).path("available").asBoolean();
    }

    /** A Cognito-like access token of the mobile app client for {@code user}. */
    static String token(String user, boolean staff) {
        return send(HttpRequest.newBuilder(URI.create(Target.DEVSTACK_URL + "/token?client=kurashi-mobile&user="
                                + encode(user) + "&staff=" + staff))
                        .GET()
                        .build())
                .strip();
    }

    private static JsonNode get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return JSON.readTree(send(request.GET().build()));
        } catch (IOException e) {
            throw new IllegalStateException("not JSON from " + url, e);
        }
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                                + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: is ./kurashi up running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
