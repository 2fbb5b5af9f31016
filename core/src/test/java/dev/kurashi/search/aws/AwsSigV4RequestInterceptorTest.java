package dev.kurashi.search.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.InputStreamEntity;
import org.apache.http.entity.StringEntity;
import org.apache.http.message.BasicHttpEntityEnclosingRequest;
import org.apache.http.message.BasicHttpRequest;
import org.apache.http.protocol.BasicHttpContext;
import org.apache.http.protocol.HttpContext;
import org.apache.http.protocol.HttpCoreContext;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

class AwsSigV4RequestInterceptorTest {

    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String REGION = "ap-northeast-1";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T01:02:03Z"), ZoneOffset.UTC);
    private static final HttpHost DOMAIN =
            new HttpHost("search-kurashi-abc123.ap-northeast-1.es.amazonaws.com", 443, "https");
    private static final String BODY = "{\"query\":{\"match\":{\"name\":\"お茶碗\"}}}";

    private static AwsSigV4RequestInterceptor interceptor(StaticCredentialsProvider credentials) {
        return new AwsSigV4RequestInterceptor(AwsV4HttpSigner.create(), credentials, REGION, CLOCK);
    }

    private static AwsSigV4RequestInterceptor interceptor() {
        return interceptor(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    /** What Apache's RequestTargetHost and friends have set by the time the interceptor (added last) runs. */
    private static HttpContext context(HttpRequest request) {
        request.setHeader("Host", DOMAIN.toHostString());
        request.setHeader("Connection", "Keep-Alive");
        request.setHeader("User-Agent", "elasticsearch-java/test");
        HttpContext context = new BasicHttpContext();
        context.setAttribute(HttpCoreContext.HTTP_TARGET_HOST, DOMAIN);
        return context;
    }

    private static String header(HttpRequest request, String name) {
        Header header = request.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private static Matcher authorization(HttpRequest request) {
        String value = header(request, "Authorization");
        assertNotNull(value, "Authorization");
        Matcher matcher = SigV4Reference.AUTHORIZATION.matcher(value);
        assertTrue(matcher.matches(), value);
        assertEquals(ACCESS_KEY, matcher.group(1));
        assertEquals("20260520", matcher.group(2));
        assertEquals(REGION, matcher.group(3));
        assertEquals("es", matcher.group(4));
        List<String> signed = List.of(matcher.group(5).split(";"));
        assertTrue(signed.contains("host"), matcher.group(5));
        assertTrue(signed.contains("x-amz-date"), matcher.group(5));
        assertFalse(signed.contains("connection"), matcher.group(5));
        return matcher;
    }

    private static String independentSignature(HttpRequest request, byte[] body) {
        URI uri = URI.create(request.getRequestLine().getUri());
        return SigV4Reference.signature(
                SECRET_KEY,
                header(request, "Authorization"),
                request.getRequestLine().getMethod(),
                uri.getRawPath(),
                uri.getRawQuery(),
                name -> header(request, name),
                body);
    }

    @Test
    void signsAGetWithAQuery() throws Exception {
        HttpRequest request = new BasicHttpRequest("GET", "/products/_search?size=10&q=%E8%8C%B6&from=0");
        HttpContext context = context(request);

        interceptor().process(request, context);

        Matcher auth = authorization(request);
        assertEquals("20260520T010203Z", header(request, "X-Amz-Date"));
        assertNull(header(request, "X-Amz-Security-Token"));
        assertEquals(SigV4Reference.hex(SigV4Reference.sha256(new byte[0])), header(request, "x-amz-content-sha256"));
        assertEquals(DOMAIN.toHostString(), header(request, "Host"));
        assertEquals(independentSignature(request, null), auth.group(6));
    }

    @Test
    void signsAPostWithAJsonBodyAndKeepsTheBodyReadable() throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        BasicHttpEntityEnclosingRequest request = new BasicHttpEntityEnclosingRequest("POST", "/products/_search");
        request.setEntity(new StringEntity(BODY, ContentType.APPLICATION_JSON));
        HttpContext context = context(request);
        request.setHeader("Content-Type", ContentType.APPLICATION_JSON.toString());
        request.setHeader("Content-Length", Integer.toString(body.length));

        interceptor().process(request, context);

        Matcher auth = authorization(request);
        assertEquals(SigV4Reference.hex(SigV4Reference.sha256(body)), header(request, "x-amz-content-sha256"));
        assertTrue(auth.group(5).contains("x-amz-content-sha256"), auth.group(5));
        assertArrayEquals(body, EntityUtils.toByteArray(request.getEntity()));
        assertEquals(independentSignature(request, body), auth.group(6));
    }

    @Test
    void buffersANonRepeatableBodySoItIsStillSent() throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        BasicHttpEntityEnclosingRequest request = new BasicHttpEntityEnclosingRequest("PUT", "/products/_doc/1");
        request.setEntity(
                new InputStreamEntity(new ByteArrayInputStream(body), body.length, ContentType.APPLICATION_JSON));
        HttpContext context = context(request);

        interceptor().process(request, context);

        assertTrue(request.getEntity().isRepeatable());
        assertArrayEquals(body, EntityUtils.toByteArray(request.getEntity()));
        assertArrayEquals(body, EntityUtils.toByteArray(request.getEntity()));
        assertEquals(SigV4Reference.hex(SigV4Reference.sha256(body)), header(request, "x-amz-content-sha256"));
        assertEquals(independentSignature(request, body), authorization(request).group(6));
    }

    @Test
    void forwardsTheSessionToken() throws Exception {
        HttpRequest request = new BasicHttpRequest("GET", "/_cluster/health");
        HttpContext context = context(request);
        StaticCredentialsProvider taskRole = StaticCredentialsProvider.create(
                AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, "session-token-from-the-task-role"));

        interceptor(taskRole).process(request, context);

        assertEquals("session-token-from-the-task-role", header(request, "X-Amz-Security-Token"));
        Matcher auth = authorization(request);
        assertTrue(auth.group(5).contains("x-amz-security-token"), auth.group(5));
        assertEquals(independentSignature(request, null), auth.group(6));
    }

    @Test
    void replacesTheSignatureHeadersOfAnEarlierAttempt() throws Exception {
        HttpRequest request = new BasicHttpRequest("GET", "/_cluster/health");
        HttpContext context = context(request);
        request.setHeader("Authorization", "AWS4-HMAC-SHA256 stale");
        request.setHeader("X-Amz-Date", "20200101T000000Z");
        request.setHeader("X-Amz-Security-Token", "stale-token");

        interceptor().process(request, context);

        assertEquals(1, request.getHeaders("Authorization").length);
        assertEquals("20260520T010203Z", header(request, "X-Amz-Date"));
        assertNull(header(request, "X-Amz-Security-Token"));
        assertEquals(independentSignature(request, null), authorization(request).group(6));
    }

    /** Through the real RestClient and HttpAsyncClient: the request as WireMock received it verifies. */
    @Test
    void theRestClientSendsWhatWasSigned() throws Exception {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        try {
            server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
            AwsSigV4RequestInterceptor interceptor = interceptor();
            try (RestClient client = RestClient.builder(new HttpHost("localhost", server.port(), "http"))
                    .setHttpClientConfigCallback(b -> b.addInterceptorLast(interceptor))
                    .build()) {
                Request search = new Request("POST", "/products/_search");
                search.addParameter("size", "10");
                search.addParameter("filter_path", "hits.hits._id,hits.total");
                search.setJsonEntity(BODY);
                client.performRequest(search);
                client.performRequest(new Request("GET", "/products/_count"));
            }

            List<LoggedRequest> received = server.findAll(anyRequestedFor(anyUrl()));
            assertEquals(2, received.size());
            for (LoggedRequest sent : received) {
                String authorization = sent.getHeader("Authorization");
                assertNotNull(authorization, sent.getUrl());
                Matcher auth = SigV4Reference.AUTHORIZATION.matcher(authorization);
                assertTrue(auth.matches(), authorization);
                URI uri = URI.create(sent.getUrl());
                byte[] body = sent.getBody().length == 0 ? null : sent.getBody();
                String expected = SigV4Reference.signature(
                        SECRET_KEY,
                        authorization,
                        sent.getMethod().getName(),
                        uri.getRawPath(),
                        uri.getRawQuery(),
                        name -> Optional.ofNullable(sent.getHeaders().getHeader(name))
                                .filter(h -> h.isPresent())
                                .map(h -> h.firstValue())
                                .orElse(null),
                        body);
                assertEquals(expected, auth.group(6), sent.getMethod() + " " + sent.getUrl());
            }
            assertArrayEquals(
                    BODY.getBytes(StandardCharsets.UTF_8), received.get(0).getBody());
        } finally {
            server.stop();
        }
    }
}
