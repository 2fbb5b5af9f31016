package dev.kurashi.reading;

import dev.kurashi.common.DomainException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Stands in for shop-app's ProblemMappers (the one mapper of the app this module is bundled into): the statuses
 * and members the reading tests assert, nothing more.
 */
public class TestProblemMapper {

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
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("status", status);
        problem.put("title", e.title());
        problem.put("detail", e.getMessage());
        problem.putAll(e.extensions());
        return Response.status(status)
                .type("application/problem+json")
                .entity(problem)
                .build();
    }
}
