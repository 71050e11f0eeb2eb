package org.giaoban.systemtest.harness;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link SystemUnderTest} before the first test class that uses it and stops it when the whole JUnit run
 * ends (a closeable in the root store; a JVM shutdown hook as a safety net). Test methods and constructors may ask for
 * a {@link SystemUnderTest} or a {@link Gateway} parameter.
 */
public final class SystemExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SystemExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        system(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SystemUnderTest.class || type == Gateway.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) throws ParameterResolutionException {
        SystemUnderTest system = system(context);
        return parameter.getParameter().getType() == Gateway.class ? system.gateway() : system;
    }

    private static SystemUnderTest system(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Stopper.class, key -> new Stopper(SystemUnderTest.get()), Stopper.class).system;
    }

    /** Closes the system when the root context closes, i.e. after the last test of the run. */
    private record Stopper(SystemUnderTest system) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            system.close();
        }
    }
}
