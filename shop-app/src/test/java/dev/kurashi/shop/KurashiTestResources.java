package dev.kurashi.shop;

import dev.kurashi.devstack.client.DevstackResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Points every {@code @QuarkusTest} of this module at the devstack (PostgreSQL, OpenSearch, SQS, OIDC). */
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
public class KurashiTestResources {}
