package dev.kurashi.reading;

import dev.kurashi.testing.ModuleArchitectureTest;

/**
 * The shared rules over reading delivery (bundled into shop-app). Core owns the reading feature under the same
 * base package; the rules import only this module's compiled classes.
 */
class ArchitectureTest extends ModuleArchitectureTest {

    ArchitectureTest() {
        super("dev.kurashi.reading");
    }
}
