package dev.kurashi.reading;

import dev.kurashi.devstack.client.DevstackResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of reading-app runs against the devstack (PostgreSQL, OpenSearch, OIDC). */
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
public class KurashiTestResources {}
