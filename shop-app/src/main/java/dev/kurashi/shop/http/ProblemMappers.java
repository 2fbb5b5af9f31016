package dev.kurashi.shop.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.IgnoredPropertyException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.kurashi.common.DomainException;
import dev.kurashi.shop.http.Problems.FieldError;
import dev.kurashi.shop.resilience.DependencyFailures;
import dev.kurashi.shop.resilience.ResilienceConfig;
import dev.kurashi.shop.resilience.StaleMarks;
import dev.kurashi.shop.resilience.StaleResponseCapture;
import dev.kurashi.shop.resilience.StaleResponses;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The one place where exceptions become HTTP answers: RFC 9457 {@code application/problem+json} documents with
 * {@code type}, {@code title}, {@code status}, {@code detail} (see {@link Problems} for the type URIs), plus
 * {@code errors: [{field, message}]} for invalid input and a {@link DomainException}'s extensions as top-level
 * members. No stack trace, SQL, class or Java parameter name reaches a client: an unexpected exception is a 500
 * whose {@code errorId} is logged with the stack trace.
 *
 * <p>Most answers come from Quarkus REST exception mappers. Failures that happen before a request reaches Quarkus
 * REST (a rejected bearer token during proactive authentication, a body over the size limit) are answered by a
 * Vert.x failure handler registered here too.
 *
 * <p>People get pages, not JSON: an error on a storefront page (any path outside {@code /api/} and {@code /q/})
 * for a client that prefers HTML to JSON (a browser; any client sending {@code *}{@code /*}) is answered with
 * {@code pages/error.html} in the shop's layout, same status, and a calm message instead of the problem's detail.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    private static final MediaType PROBLEM = MediaType.valueOf(Problems.MEDIA_TYPE);

    private final ObjectMapper json;
    private final Template errorPage;
    private final StaleResponses stale;
    private final ResilienceConfig resilience;

    public ProblemMappers(
            ObjectMapper json,
            @Location("pages/error.html") Template errorPage,
            StaleResponses stale,
            ResilienceConfig resilience) {
        this.json = json;
        this.errorPage = errorPage;
        this.stale = stale;
        this.resilience = resilience;
    }

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        int status =
                switch (e.kind()) {
                    case NOT_FOUND -> 404;
                    case INVALID -> 400;
                    case CONFLICT -> 409;
                    case PAYMENT_DECLINED -> 402;
                    case UNPROCESSABLE -> 422;
                };
        Map<String, Object> problem = Problems.of(status, Problems.slug(status), e.title(), e.getMessage());
        e.extensions().forEach(problem::putIfAbsent);
        return problem(status, problem);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        Collection<ConstraintViolation<?>> violations = e.getConstraintViolations();
        boolean returnValue = violations.stream().anyMatch(v -> nodes(v.getPropertyPath()).stream()
                .anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
        if (returnValue) {
            return unexpected(e);
        }
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return problem(400, Problems.validation("The request has invalid fields", errors));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return problem(
                    400, Problems.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON"));
        }
        String field = jsonPath(mapping.getPath());
        String message;
        if (e instanceof SafeTextCustomizer.UnsafeTextException unsafe) {
            message = unsafe.reason();
        } else if (e instanceof UnrecognizedPropertyException || e instanceof IgnoredPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException format) {
            message = "must be " + expected(format.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched) {
            message = mismatched.getTargetType() == null
                    ? "has the wrong type"
                    : "must be " + expected(mismatched.getTargetType());
        } else {
            message = "is invalid";
        }
        if (field.isEmpty()) {
            return problem(
                    400,
                    Problems.validation(
                            "The request body does not have the expected shape", List.of(new FieldError("", message))));
        }
        return problem(
                400,
                Problems.validation("The request body has invalid fields", List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException cause) {
            return json(cause);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        if (status >= 500) {
            return unexpected(e);
        }
        Response.ResponseBuilder builder = Response.status(status)
                .entity(Problems.of(status, Problems.genericDetail(status)))
                .type(Problems.MEDIA_TYPE);
        for (String header : List.of("Allow", "Retry-After", "WWW-Authenticate")) {
            if (original.getHeaderString(header) != null) {
                builder.header(header, original.getHeaderString(header));
            }
        }
        return builder.build();
    }

    @ServerExceptionMapper({
        UnauthorizedException.class,
        AuthenticationFailedException.class,
        AuthenticationCompletionException.class
    })
    public Uni<Response> unauthorized(RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(unauthorizedProblem(null));
        }
        return authenticator
                .getChallenge(context)
                .map(ProblemMappers::challenge)
                .onFailure()
                .recoverWithItem(() -> unauthorizedProblem(null));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, Problems.of(403, Problems.genericDetail(403)));
    }

    /**
     * What no other mapper takes. A database that is not there (a failover, an outage) is not a bug: an anonymous
     * catalog read already answered once gets its last good answer (stale-if-error, ADR 1101), anything else a 503
     * with Retry-After. A value PostgreSQL refused that no check caught is the client's: a 400. The rest is a 500.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, RoutingContext context) {
        return switch (DependencyFailures.classify(e)) {
            case DATABASE_UNAVAILABLE -> databaseUnavailable(e, context);
            case REFUSED_DATA -> {
                LOG.warnf("A value the database refused reached it: %s", e.toString());
                yield problem(400, Problems.of(400, "The request holds a value that cannot be stored or searched"));
            }
            case OTHER -> unexpected(e);
        };
    }

    private Response databaseUnavailable(Throwable e, RoutingContext context) {
        var request = context.request();
        if (request.method() == io.vertx.core.http.HttpMethod.GET && StaleResponseCapture.anonymous(request)) {
            var kept = stale.get(StaleResponses.key(context.normalizedPath(), request.query()));
            if (kept.isPresent()) {
                LOG.debugf("Database unavailable; serving the last good answer of %s", context.normalizedPath());
                StaleMarks.mark(context, java.time.Duration.ofSeconds(kept.get().ageSeconds(java.time.Instant.now())));
                return Response.ok(kept.get().body(), kept.get().mediaType()).build();
            }
        }
        LOG.warnf("Database unavailable: %s", e.toString());
        return Response.status(503)
                .entity(Problems.of(
                        503,
                        "unavailable",
                        Problems.title(503),
                        "A service this request needs is unavailable for a moment; try again shortly"))
                .type(Problems.MEDIA_TYPE)
                .header("Retry-After", resilience.retryAfterSeconds())
                .build();
    }

    Response unexpected(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        Map<String, Object> problem = Problems.of(500, Problems.genericDetail(500) + " (error id " + errorId + ")");
        problem.put("errorId", errorId);
        return problem(500, problem);
    }

    /**
     * Every error answer, once mapped: one that no exception produced (a request filter such as the CSRF check
     * aborted the request) gets a problem body too, and a problem for a person's browser on a page becomes the
     * error page. Pages that answer an error with their own HTML (a checkout form with its mistakes) keep it.
     */
    @ServerResponseFilter
    public void errors(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400) {
            return;
        }
        boolean problem = !response.hasEntity() || PROBLEM.isCompatible(response.getMediaType());
        if (!problem) {
            return;
        }
        if (page(request)) {
            Object errorId = response.getEntity() instanceof Map<?, ?> body ? body.get("errorId") : null;
            response.setEntity(errorPage(status, errorId), new Annotation[0], HTML);
            response.getHeaders().add(HttpHeaders.VARY.toString(), "Accept");
        } else if (!response.hasEntity()) {
            response.setEntity(Problems.of(status, Problems.genericDetail(status)), new Annotation[0], PROBLEM);
        }
    }

    /**
     * A storefront page asked for by a client that takes HTML rather than JSON: the first acceptable type (by
     * quality, then specificity) that is either decides, so a browser's {@code text/html,...,*}{@code /*;q=0.8}
     * and a bare {@code *}{@code /*} get the page, {@code application/json} the problem.
     */
    static boolean page(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/q/")) {
            return false;
        }
        for (MediaType accepted : request.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) || accepted.isCompatible(PROBLEM)) {
                return false;
            }
        }
        return false;
    }

    private String errorPage(int status, Object errorId) {
        String heading;
        String message;
        if (status == 404 || status == 410) {
            heading = "ページが見つかりませんでした";
            message = "お探しのページは移動したか、販売を終えた可能性があります。";
        } else if (status == 401 || status == 403) {
            heading = "このページは表示できません";
            message = "ログインし直してから、もう一度お試しください。";
        } else if (status == 503) {
            heading = "ただいま一時的にご利用いただけません";
            message = "ご不便をおかけしています。数秒ほどおいて、もう一度お試しください。カートの中身はそのまま残っています。";
        } else if (status >= 500) {
            heading = "ただいまページを表示できません";
            message = "ご不便をおかけしています。少し時間をおいて、もう一度お試しください。";
        } else {
            heading = "うまくいきませんでした";
            message = "お手数ですが、前のページに戻ってもう一度お試しください。";
        }
        return errorPage
                .data("status", status)
                .data("heading", heading)
                .data("message", message)
                .data("errorId", errorId)
                .render();
    }

    /**
     * Problem documents for what fails below Quarkus REST: a bearer token rejected by proactive authentication
     * and a request body over {@code quarkus.http.limits.max-body-size}.
     */
    void onRouter(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    }

    private void failure(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException && bearer(context)) {
            write(context, 401, Problems.of(401, "The access token is not valid"), "Bearer error=\"invalid_token\"");
        } else if (context.statusCode() == 413) {
            write(context, 413, Problems.of(413, Problems.genericDetail(413)), null);
        } else {
            context.next();
        }
    }

    private static boolean bearer(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        return context.normalizedPath().startsWith("/api/")
                || (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    private void write(RoutingContext context, int status, Map<String, Object> problem, String challenge) {
        try {
            var response = context.response().setStatusCode(status);
            response.putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE);
            if (challenge != null) {
                response.putHeader("WWW-Authenticate", challenge);
            }
            response.end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }

    private static Response challenge(ChallengeData challenge) {
        if (challenge.status != 401) {
            // The web pages' code flow: a redirect to the sign-in page, with its state cookie already set.
            Response.ResponseBuilder redirect =
                    Response.status(challenge.status).header("Cache-Control", "no-store");
            challenge.getHeaders().forEach((name, value) -> redirect.header(name.toString(), value));
            return redirect.build();
        }
        String header = challenge.getHeaders().entrySet().stream()
                .filter(h -> "WWW-Authenticate".equalsIgnoreCase(h.getKey().toString()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        return unauthorizedProblem(header);
    }

    private static Response unauthorizedProblem(String challenge) {
        return Response.status(401)
                .entity(Problems.of(401, Problems.genericDetail(401)))
                .type(Problems.MEDIA_TYPE)
                .header("WWW-Authenticate", challenge == null || challenge.isBlank() ? "Bearer" : challenge)
                .build();
    }

    private static Response problem(int status, Map<String, Object> problem) {
        return Response.status(status).entity(problem).type(Problems.MEDIA_TYPE).build();
    }

    private static List<Path.Node> nodes(Path path) {
        List<Path.Node> nodes = new java.util.ArrayList<>();
        path.forEach(nodes::add);
        return nodes;
    }

    /**
     * The JSON path of a violation ({@code skus[0].sku}); method and parameter nodes are Java names, so they are
     * left out unless the parameter itself (a path or header parameter) is what failed.
     */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = "";
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {}
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable()) {
                        field.append('[')
                                .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                                .append(']');
                    }
                    if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        return field.isEmpty() ? parameter : field.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT))
                            .toList();
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time";
        }
        return "an object";
    }
}
