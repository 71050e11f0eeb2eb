package org.giaoban.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Meta-annotation for service tests: {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} +
 * {@code @ContextConfiguration(initializers = RealInfrastructureInitializer.class)} + {@code @ActiveProfiles("test")}.
 *
 * <p>The service runs against the real PostgreSQL (its own fresh database) and the real Kafka broker that
 * {@link TestInfrastructure} chose for this JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@ActiveProfiles("test")
public @interface ServiceTest {
}
