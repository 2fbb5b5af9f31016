package dev.kurashi.queueworker;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Points every {@code @QuarkusTest} of this module at the devstack (PostgreSQL, OpenSearch, SQS, OIDC, sinks),
 * with a database of its own (see {@link QueueWorkerDevstack}).
 */
@QuarkusTestResource(value = QueueWorkerDevstack.class, restrictToAnnotatedClass = false)
public class KurashiTestResources {}
