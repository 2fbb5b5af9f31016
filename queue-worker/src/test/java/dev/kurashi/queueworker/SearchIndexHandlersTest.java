package dev.kurashi.queueworker;

import dev.kurashi.catalog.ProductChanged;
import dev.kurashi.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/** A staff product change reaches the search index within seconds: outbox → relay → SQS → index. */
@QuarkusTest
class SearchIndexHandlersTest {

    @Inject
    TestData data;

    @Inject
    Outbox outbox;

    @Inject
    RestClient search;

    @Test
    void aChangedProductIsSearchableWithinSeconds() {
        String slug = "test-shelf-" + TestData.suffix();
        data.product(slug, "チークのシェルフ", 10, 28000, 3);
        long committed = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> outbox.append(new ProductChanged(slug)));

        // A bounded wait for the outcome, not a speed assertion: the figure goes to the log.
        Eventually.await("the product in the index", Duration.ofSeconds(15), () -> indexed(slug), found -> found);
        long millis = Duration.ofNanos(System.nanoTime() - committed).toMillis();
        System.out.printf("ProductChanged searchable %d ms after commit%n", millis);
    }

    private boolean indexed(String slug) {
        try {
            Request request = new Request("GET", "/products/_search");
            request.addParameter("q", "slug:" + slug);
            request.addParameter("size", "0");
            String answer = new String(
                    search.performRequest(request).getEntity().getContent().readAllBytes());
            return answer.contains("\"total\":{\"value\":1");
        } catch (ResponseException e) {
            // On a fresh cluster the consumer creates the index with the first product it indexes.
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return false;
            }
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
