package dev.kurashi;

import dev.kurashi.testing.ModuleArchitectureTest;

/** The shared rules over core; core serves no HTTP. */
class ArchitectureTest extends ModuleArchitectureTest {

    ArchitectureTest() {
        super("dev.kurashi");
    }

    @Override
    protected boolean servesHttp() {
        return false;
    }
}
