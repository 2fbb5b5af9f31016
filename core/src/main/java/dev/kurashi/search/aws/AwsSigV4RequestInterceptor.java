package dev.kurashi.search.aws;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpException;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.entity.BufferedHttpEntity;
import org.apache.http.protocol.HttpContext;
import org.apache.http.protocol.HttpCoreContext;
import org.apache.http.util.EntityUtils;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Signs each request of the Apache HttpAsyncClient under the Elasticsearch low-level RestClient with AWS SigV4.
 * Added last to the client's interceptors, so it signs the headers the earlier ones set (Host, Content-Length,
 * User-Agent ...) except the connection-level ones, which a hop may change.
 */
public final class AwsSigV4RequestInterceptor implements HttpRequestInterceptor {

    static final String SERVICE = "es";

    /** The signer's headers, set on the Apache request after signing (any earlier ones are replaced). */
    private static final List<String> SIGNATURE_HEADERS =
            List.of("Authorization", "X-Amz-Date", "X-Amz-Security-Token", "x-amz-content-sha256");

    /** Not signed: hop-by-hop headers (RFC 9110 7.6.1), Expect, and the signature's own headers. */
    private static final Set<String> UNSIGNED_HEADERS = Stream.concat(
                    Stream.of(
                            "connection",
                            "keep-alive",
                            "proxy-connection",
                            "transfer-encoding",
                            "upgrade",
                            "te",
                            "trailer",
                            "expect"),
                    SIGNATURE_HEADERS.stream().map(name -> name.toLowerCase(Locale.ROOT)))
            .collect(Collectors.toUnmodifiableSet());

    private final AwsV4HttpSigner signer;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Clock clock;

    public AwsSigV4RequestInterceptor(
            AwsV4HttpSigner signer, AwsCredentialsProvider credentials, String region, Clock clock) {
        this.signer = Objects.requireNonNull(signer);
        this.credentials = Objects.requireNonNull(credentials);
        this.region = Objects.requireNonNull(region);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public void process(HttpRequest request, HttpContext context) throws HttpException, IOException {
        URI uri = requestUri(request, context);
        SdkHttpRequest.Builder sdkRequest = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(request.getRequestLine().getMethod()))
                .uri(uri);
        for (Header header : request.getAllHeaders()) {
            if (!UNSIGNED_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))) {
                sdkRequest.appendHeader(header.getName(), header.getValue());
            }
        }
        byte[] body = body(request);

        SignedRequest signed = signer.sign(r -> {
            r.identity(credentials.resolveCredentials())
                    .request(sdkRequest.build())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock);
            if (body != null) {
                r.payload(ContentStreamProvider.fromByteArrayUnsafe(body));
            }
        });

        for (String name : SIGNATURE_HEADERS) {
            request.removeHeaders(name);
            signed.request().firstMatchingHeader(name).ifPresent(value -> request.addHeader(name, value));
        }
        // The signature covers the Host the signer saw (Apache's, else the URI's): send exactly that.
        signed.request().firstMatchingHeader("Host").ifPresent(host -> request.setHeader("Host", host));
    }

    /** The absolute URI: the request line is relative by now; the target host is in the context. */
    private static URI requestUri(HttpRequest request, HttpContext context) throws HttpException {
        URI line;
        try {
            line = new URI(request.getRequestLine().getUri());
        } catch (URISyntaxException e) {
            throw new HttpException("Cannot sign a request with an invalid URI", e);
        }
        if (line.isAbsolute()) {
            return line;
        }
        HttpHost target = (HttpHost) context.getAttribute(HttpCoreContext.HTTP_TARGET_HOST);
        if (target == null) {
            throw new HttpException("Cannot sign a request without a target host");
        }
        StringBuilder uri = new StringBuilder(target.toURI());
        String path = line.getRawPath();
        uri.append(path == null || path.isEmpty() ? "/" : path);
        if (line.getRawQuery() != null) {
            uri.append('?').append(line.getRawQuery());
        }
        try {
            return new URI(uri.toString());
        } catch (URISyntaxException e) {
            throw new HttpException("Cannot sign a request with an invalid URI", e);
        }
    }

    /** The body, or null without one; a non-repeatable entity is buffered first so that it is sent after all. */
    private static byte[] body(HttpRequest request) throws IOException {
        if (!(request instanceof HttpEntityEnclosingRequest enclosing) || enclosing.getEntity() == null) {
            return null;
        }
        HttpEntity entity = enclosing.getEntity();
        if (!entity.isRepeatable()) {
            entity = new BufferedHttpEntity(entity);
            enclosing.setEntity(entity);
        }
        return EntityUtils.toByteArray(entity);
    }
}
