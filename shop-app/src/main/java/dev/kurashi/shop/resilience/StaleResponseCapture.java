package dev.kurashi.shop.resilience;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Keeps the bytes of every successful anonymous GET that {@link StaleResponses} wants, as they are written. A
 * response that sets a cookie is personal and never kept; a stale answer (from here or from a read cache, {@link StaleMarks}) is not kept anew.
 */
@Provider
public class StaleResponseCapture implements WriterInterceptor {

    private final StaleResponses store;
    private final RoutingContext context;

    public StaleResponseCapture(StaleResponses store, RoutingContext context) {
        this.store = store;
        this.context = context;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext writer) throws IOException {
        HttpServerRequest request = context.request();
        if (request.method() != HttpMethod.GET
                || context.response().getStatusCode() != 200
                || !anonymous(request)
                || !store.keeps(context.normalizedPath())
                || StaleMarks.of(context).isPresent()
                || writer.getHeaders().containsKey(HttpHeaders.SET_COOKIE.toString())
                || context.response().headers().contains(HttpHeaders.SET_COOKIE)) {
            writer.proceed();
            return;
        }
        OutputStream original = writer.getOutputStream();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        writer.setOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                original.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                original.write(b, off, len);
                copy.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                original.flush();
            }

            @Override
            public void close() throws IOException {
                original.close();
            }
        });
        try {
            writer.proceed();
        } finally {
            writer.setOutputStream(original);
        }
        MediaType type = writer.getMediaType();
        store.put(
                StaleResponses.key(context.normalizedPath(), request.query()),
                copy.toByteArray(),
                type == null ? MediaType.APPLICATION_OCTET_STREAM : type.toString());
    }

    /** No bearer token and no web session cookie of quarkus-oidc ({@code q_session}, also split in chunks). */
    public static boolean anonymous(HttpServerRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        String cookies = request.getHeader(HttpHeaders.COOKIE);
        return cookies == null || !cookies.contains("q_session");
    }
}
