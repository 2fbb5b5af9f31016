package dev.kurashi.queueworker.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * Continues the producer's trace: the handler runs in a CONSUMER span whose parent is the message's
 * {@code traceparent} (written by the outbox in the HTTP request's transaction), so the worker's log lines carry
 * the request's trace id.
 */
@ApplicationScoped
class MessageTracing {

    interface Work {
        void run() throws Exception;
    }

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    MessageTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    void run(InboundMessage message, Work work) throws Exception {
        Context parent = message.traceparent() == null
                ? Context.root()
                : W3CTraceContextPropagator.getInstance()
                        .extract(Context.root(), Map.of("traceparent", message.traceparent()), GETTER);
        Span span = tracer.spanBuilder(message.queue() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "aws_sqs")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", message.queue())
                .setAttribute("messaging.message.id", message.messageId())
                .setAttribute("kurashi.event.type", String.valueOf(message.eventType()))
                .setAttribute("kurashi.event.id", String.valueOf(message.eventId()))
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            // Quarkus fills the MDC from the OpenTelemetry context on Vert.x threads; handlers run on plain
            // virtual threads, so the ids are put there for the log format's %X{traceId} explicitly.
            putMdc(span);
            work.run();
        } catch (Exception | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
            for (String key : List.of("traceId", "spanId", "sampled", "parentId")) {
                MDC.remove(key);
            }
        }
    }

    private static void putMdc(Span span) {
        var context = span.getSpanContext();
        if (context.isValid()) {
            MDC.put("traceId", context.getTraceId());
            MDC.put("spanId", context.getSpanId());
            MDC.put("sampled", Boolean.toString(context.isSampled()));
        }
    }
}
