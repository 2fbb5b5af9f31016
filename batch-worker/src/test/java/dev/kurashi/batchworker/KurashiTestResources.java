package dev.kurashi.batchworker;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Points every {@code @QuarkusTest} of this module at the devstack, on this module's own database and search
 * aliases ({@link BatchDatabase}).
 */
@QuarkusTestResource(value = BatchDatabase.class, restrictToAnnotatedClass = false)
public class KurashiTestResources {}
