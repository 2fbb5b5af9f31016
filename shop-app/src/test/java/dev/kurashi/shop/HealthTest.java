package dev.kurashi.shop;

import dev.kurashi.testing.HealthContractTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;

@QuarkusTest
class HealthTest extends HealthContractTest {

    @Override
    protected Set<String> readinessChecks() {
        return Set.of(DATABASE, SEARCH);
    }
}
