package dev.kurashi.batchworker;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A no-op whose firings only leave their execution rows: with {@code kurashi.jobs.probe-interval} set, a cluster
 * shows in {@code job_executions} that each firing ran once, on which node (see docs/runbooks/batch-jobs.md).
 */
@ApplicationScoped
public class ProbeJob implements BatchJob {

    static final String NAME = "probe";

    private final JobsConfig config;

    public ProbeJob(JobsConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(JobOptions options) throws InterruptedException {
        Thread.sleep(config.probeWork().toMillis());
        return "ok";
    }
}
