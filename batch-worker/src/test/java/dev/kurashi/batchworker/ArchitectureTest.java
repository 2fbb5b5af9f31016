package dev.kurashi.batchworker;

import dev.kurashi.testing.ModuleArchitectureTest;

/** The shared rules of dev.kurashi.testing.ModuleArchitectureTest over this app's classes. */
class ArchitectureTest extends ModuleArchitectureTest {

    ArchitectureTest() {
        super("dev.kurashi.batchworker");
    }
}
