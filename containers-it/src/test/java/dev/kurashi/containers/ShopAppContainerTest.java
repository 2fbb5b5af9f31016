package dev.kurashi.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * shop-app's image, started by Testcontainers with PostgreSQL and OpenSearch beside it on one network, the way
 * ECS runs it beside Aurora and OpenSearch Service: it migrates, seeds, indexes, becomes ready, and serves the
 * catalog and a Japanese search from the search engine. Images come from system properties so that a machine
 * without a registry (scripts/containers-check.sh) passes its local stand-ins; the defaults are compose.yaml's.
 */
class ShopAppContainerTest {

    private static final Network NETWORK = Network.newNetwork();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static GenericContainer<?> postgres;
    private static GenericContainer<?> openSearch;
    private static GenericContainer<?> shopApp;

    @BeforeAll
    static void startTheStack() {
        postgres = new GenericContainer<>(image("postgres", "postgres:16"))
                .withNetwork(NETWORK)
                .withNetworkAliases("postgres")
                .withEnv(Map.of("POSTGRES_DB", "kurashi", "POSTGRES_USER", "kurashi", "POSTGRES_PASSWORD", "kurashi"))
                .withExposedPorts(5432)
                .waitingFor(Wait.forSuccessfulCommand("pg_isready -h localhost -U kurashi -d kurashi")
                        .withStartupTimeout(Duration.ofMinutes(3)));
        openSearch = new GenericContainer<>(image("opensearch", "kurashi-opensearch:local"))
                .withNetwork(NETWORK)
                .withNetworkAliases("opensearch")
                .withEnv(Map.of(
                        "discovery.type", "single-node",
                        "DISABLE_SECURITY_PLUGIN", "true",
                        "DISABLE_INSTALL_DEMO_CONFIG", "true",
                        "OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m"))
                .withExposedPorts(9200)
                .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow&timeout=2s")
                        .forPort(9200)
                        .withStartupTimeout(Duration.ofMinutes(5)));
        postgres.start();
        openSearch.start();
        shopApp = new GenericContainer<>(image("shop-app", "kurashi-shop-app:local"))
                .withNetwork(NETWORK)
                .withEnv(Map.of(
                        "QUARKUS_PROFILE", "dev",
                        "QUARKUS_HTTP_HOST", "0.0.0.0",
                        "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres:5432/kurashi",
                        "QUARKUS_DATASOURCE_USERNAME", "kurashi",
                        "QUARKUS_DATASOURCE_PASSWORD", "kurashi",
                        "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S",
                        "QUARKUS_ELASTICSEARCH_HOSTS", "opensearch:9200",
                        "KURASHI_SEED_ENABLED", "true",
                        "KURASHI_NODE_NAME", "shop-app-testcontainers"))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(1024L * 1024 * 1024))
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/q/health/ready").forPort(8080).withStartupTimeout(Duration.ofMinutes(6)));
        shopApp.start();
    }

    @AfterAll
    static void stopTheStack() {
        for (GenericContainer<?> container : new GenericContainer<?>[] {shopApp, openSearch, postgres}) {
            if (container != null) {
                container.stop();
            }
        }
        NETWORK.close();
    }

    /** {@code -Dkurashi.image.<name>=...} or the public image compose.yaml uses. */
    private static DockerImageName image(String name, String fallback) {
        return DockerImageName.parse(System.getProperty("kurashi.image." + name, fallback));
    }

    private static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = URI.create("http://" + shopApp.getHost() + ":" + shopApp.getMappedPort(8080) + pathAndQuery);
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("GET %s: %s", pathAndQuery, response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void servesTheSeededCatalogFromThePostgresContainer() throws Exception {
        JsonNode page = get("/api/v1/products?limit=5");

        assertThat(page.path("items")).hasSize(5);
        String slug = page.path("items").path(0).path("slug").asText();
        JsonNode product = get("/api/v1/products/" + slug);
        assertThat(product.path("slug").asText()).isEqualTo(slug);
        assertThat(product.path("skus").size()).isPositive();
    }

    @Test
    void answersAJapaneseSearchFromTheOpenSearchContainer() throws Exception {
        String query = URLEncoder.encode("マグ", StandardCharsets.UTF_8);
        // The first queries after start may exceed the search timeout on a busy machine and be answered from SQL
        // (degraded); within two minutes the engine must answer.
        JsonNode result = get("/api/v1/search?type=product&q=" + query);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (result.path("degraded").asBoolean(true) && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            result = get("/api/v1/search?type=product&q=" + query);
        }

        assertThat(result.path("degraded").asBoolean(true))
                .as("answered by the search engine, not the SQL fallback")
                .isFalse();
        assertThat(result.path("products").size()).isPositive();
        assertThat(result.path("products").path(0).path("name").asText()).contains("マグ");
    }
}
