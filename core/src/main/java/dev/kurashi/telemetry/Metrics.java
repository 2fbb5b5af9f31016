package dev.kurashi.telemetry;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every app's meters share: an {@code app} tag, fixed histogram buckets on the latency timers the SLOs are
 * written against (so Prometheus computes the p99 and the latency SLIs from {@code _bucket} series), and in
 * {@code %prod} an OTLP push of the same meters to the collector sidecar beside Prometheus text at /q/metrics.
 */
class Metrics {

    /** Bucket bounds in seconds: the latency objectives of docs/operations/slo.md are among them. */
    static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.3, 0.5, 1, 2.5, 5, 10, 30, 60};

    /** Lag and age buckets (seconds), for outbox-to-SQS and event-to-handled times. */
    static final double[] LAG_BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800};

    @Produces
    @Singleton
    MeterFilter commonTags(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(
                io.micrometer.core.instrument.Tags.of("app", application.replaceFirst("^kurashi-", "")));
    }

    @Produces
    @Singleton
    MeterFilter buckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                double[] buckets = bucketsOf(id.getName());
                if (buckets == null) {
                    return config;
                }
                // timers keep nanoseconds internally
                double[] nanos = new double[buckets.length];
                for (int i = 0; i < buckets.length; i++) {
                    nanos[i] = buckets[i] * 1e9;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(nanos)
                        .build()
                        .merge(config);
            }
        };
    }

    static double[] bucketsOf(String meter) {
        if (meter.equals("http.server.requests")
                || meter.equals("http.client.requests")
                || meter.equals("kurashi.client.requests")
                || meter.equals("kurashi.message.handling")
                || meter.equals("kurashi.job.duration")) {
            return LATENCY_BUCKETS;
        }
        if (meter.equals("kurashi.message.lag") || meter.equals("kurashi.relay.latency")) {
            return LAG_BUCKETS;
        }
        return null;
    }

    /**
     * The OTLP push registry; it publishes only when {@code kurashi.metrics.otlp.enabled} (true in %prod, where
     * the ADOT collector sidecar listens on 4318 and remote-writes to Amazon Managed Service for Prometheus).
     */
    @Produces
    @Singleton
    OtlpMeterRegistry otlp(
            @ConfigProperty(name = "kurashi.metrics.otlp.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "kurashi.metrics.otlp.url", defaultValue = "http://localhost:4318/v1/metrics")
                    String url,
            @ConfigProperty(name = "kurashi.metrics.otlp.step", defaultValue = "60s") Duration step) {
        Map<String, String> settings = Map.of(
                "otlp.enabled",
                Boolean.toString(enabled),
                "otlp.url",
                url,
                "otlp.step",
                step.toSeconds() + "s",
                // the Prometheus names (_seconds) and values, whichever path a series takes
                "otlp.baseTimeUnit",
                "seconds");
        OtlpConfig config = settings::get;
        return new OtlpMeterRegistry(config, Clock.SYSTEM);
    }
}
