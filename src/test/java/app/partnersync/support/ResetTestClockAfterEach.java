package app.partnersync.support;

import io.quarkus.arc.Arc;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class that moves the {@link TestClock}: puts it back to real time after each test, because the tests of
 * one JVM share the application and its clock. Use it as {@code @ExtendWith(ResetTestClockAfterEach.class)}.
 */
public final class ResetTestClockAfterEach implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        Arc.container().instance(TestClock.class).get().reset();
    }
}
