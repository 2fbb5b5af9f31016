package dev.kurashi.search.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Optional;
import org.apache.http.HttpHost;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

class SearchRequestSigningTest {

    private static SearchSigV4Config config(boolean enabled) {
        return new SearchSigV4Config() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Optional<String> region() {
                return Optional.of("ap-northeast-1");
            }
        };
    }

    @Test
    void disabledLeavesTheClientAsItIs() throws Exception {
        SearchRequestSigning signing = new SearchRequestSigning(config(false));
        HttpAsyncClientBuilder builder = HttpAsyncClientBuilder.create();
        assertSame(builder, signing.customizeHttpClient(builder));

        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        try {
            server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
            try (RestClient client = RestClient.builder(new HttpHost("localhost", server.port(), "http"))
                    .setHttpClientConfigCallback(signing)
                    .build()) {
                Request index = new Request("PUT", "/products/_doc/1");
                index.setJsonEntity("{\"name\":\"teapot\"}");
                client.performRequest(index);
            }
            List<LoggedRequest> received = server.findAll(anyRequestedFor(anyUrl()));
            assertEquals(1, received.size());
            LoggedRequest sent = received.get(0);
            assertFalse(sent.containsHeader("Authorization"));
            assertFalse(sent.containsHeader("X-Amz-Date"));
            assertFalse(sent.containsHeader("X-Amz-Security-Token"));
            assertFalse(sent.containsHeader("x-amz-content-sha256"));
            assertEquals("{\"name\":\"teapot\"}", sent.getBodyAsString());
        } finally {
            signing.close();
            server.stop();
        }
    }
}
