package dev.kurashi;

import dev.kurashi.devstack.client.DevstackResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of core runs against the devstack (PostgreSQL, OpenSearch, ElasticMQ, OIDC, sinks). */
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
public class KurashiTestResources {}
