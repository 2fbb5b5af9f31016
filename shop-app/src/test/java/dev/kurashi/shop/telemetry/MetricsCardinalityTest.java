package dev.kurashi.shop.telemetry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * /q/metrics labels HTTP requests with route templates: 1,000 requests for random product slugs, on the API and
 * on the storefront page, add no series to {@code http_server_requests_seconds_count}.
 */
@QuarkusTest
class MetricsCardinalityTest {

    private static final String SERIES = "http_server_requests_seconds_count{";

    @Test
    void randomSlugsDoNotGrowTheSeriesCount() {
        // one request per route and status first, so the series the burst may use exist
        request(0);
        request(1);
        List<String> before = series();

        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            slugs.add(request(i));
        }
        List<String> after = series();

        assertThat(after).hasSameSizeAs(before).containsExactlyInAnyOrderElementsOf(before);
        assertThat(after)
                .anyMatch(s -> s.contains("uri=\"/api/v1/products/{slug}\"") && s.contains("status=\"404\""))
                .anyMatch(s -> s.contains("uri=\"/products/{slug}\"") && s.contains("status=\"404\""));
        String text = metrics();
        assertThat(slugs).noneMatch(text::contains);
    }

    @Test
    void metricsCarryJvmPoolAndClientSeries() {
        given().get("/api/v1/products?limit=1").then().statusCode(200);
        String text = metrics();
        assertThat(text)
                .contains("jvm_memory_used_bytes")
                .contains("agroal_active_count")
                .contains("http_server_requests_seconds_bucket")
                .contains("app=\"shop-app\"")
                .contains("kurashi_client_requests_seconds_count{app=\"shop-app\",client=\"opensearch\"");
    }

    /** The even requests go to the API, the odd ones to the page; both answer 404 for an unknown slug. */
    private static String request(int i) {
        String slug = "no-such-" + UUID.randomUUID();
        String path = i % 2 == 0 ? "/api/v1/products/" + slug : "/products/" + slug;
        given().redirects().follow(false).get(path).then().statusCode(404);
        return slug;
    }

    private static List<String> series() {
        return metrics()
                .lines()
                .filter(line -> line.startsWith(SERIES))
                // the name and labels only: the value and any exemplar ("# {trace_id=...}") follow
                .map(line -> line.substring(0, line.indexOf("} ") + 1))
                .sorted()
                .toList();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
