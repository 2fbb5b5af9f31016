package dev.kurashi.shop.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.shop.http.Problems.FieldError;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The one gate every text of a request passes before any resource sees it (JSON string fields pass
 * {@link SafeTextCustomizer}): the path, each query parameter and each header value are percent-decoded strictly and
 * checked against {@link TextRules}, and so is every form field once Quarkus REST has read the form. A refusal is a
 * 400 problem naming the field ({@code path}, the parameter, the header or the form field), so that nothing
 * PostgreSQL or OpenSearch would refuse reaches them.
 */
@ApplicationScoped
public class RequestTextFilter {

    private final ObjectMapper json;

    public RequestTextFilter(ObjectMapper json) {
        this.json = json;
    }

    /** After {@link ResponsePolicy} (priority 1000), so that a refusal gets the security headers too. */
    void register(@Observes Filters filters) {
        filters.register(this::handle, 900);
    }

    private void handle(RoutingContext context) {
        FieldError error = check(context.request());
        if (error == null) {
            context.next();
            return;
        }
        try {
            context.response()
                    .setStatusCode(400)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                    .end(json.writeValueAsString(refusal(error)));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    static Map<String, Object> refusal(FieldError error) {
        return Problems.validation("The request has invalid fields", List.of(error));
    }

    static FieldError check(HttpServerRequest request) {
        try {
            String path = TextRules.decode(request.path(), false);
            String problem = TextRules.violation(path, false, Integer.MAX_VALUE);
            if (problem != null) {
                return new FieldError("path", problem);
            }
        } catch (TextRules.MalformedEncodingException e) {
            return new FieldError("path", e.getMessage());
        }
        String query = request.query();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String name;
                try {
                    name = TextRules.decode(rawName, true);
                } catch (TextRules.MalformedEncodingException e) {
                    return new FieldError("query", e.getMessage());
                }
                if (TextRules.violation(name, false, 100) != null) {
                    return new FieldError("query", "has a parameter name that is not allowed");
                }
                try {
                    String value = eq < 0 ? "" : TextRules.decode(pair.substring(eq + 1), true);
                    String problem = TextRules.violation(value, false, TextRules.MAX_PARAMETER_LENGTH);
                    if (problem != null) {
                        return new FieldError(name, problem);
                    }
                } catch (TextRules.MalformedEncodingException e) {
                    return new FieldError(name, e.getMessage());
                }
            }
        }
        for (Map.Entry<String, String> header : request.headers()) {
            String problem = TextRules.violation(header.getValue(), false, Integer.MAX_VALUE);
            if (problem != null) {
                return new FieldError(header.getKey(), problem);
            }
        }
        return null;
    }

    /** Form fields (the storefront's forms), once Quarkus REST has read them; other bodies have no form data. */
    @ServerRequestFilter
    public jakarta.ws.rs.core.Response formFields(ResteasyReactiveContainerRequestContext context) {
        FormData form = context.getServerRequestContext() instanceof ResteasyReactiveRequestContext request
                ? request.getFormData()
                : null;
        if (form == null) {
            return null;
        }
        for (String name : form) {
            for (org.jboss.resteasy.reactive.server.multipart.FormValue value : form.get(name)) {
                if (value.isFileItem()) {
                    continue;
                }
                String problem = TextRules.violation(value.getValue(), true, 10_000);
                if (problem != null) {
                    return jakarta.ws.rs.core.Response.status(400)
                            .type(Problems.MEDIA_TYPE)
                            .entity(refusal(new FieldError(name, problem)))
                            .build();
                }
            }
        }
        return null;
    }
}
