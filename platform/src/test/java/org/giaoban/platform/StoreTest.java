package org.giaoban.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.giaoban.testsupport.ServiceTest;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of the platform's storage parts alone: the platform's auto-configuration (Axon's JDBC event store, token
 * store, data source) over a real PostgreSQL and Kafka, with no service around it; one Spring context for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceTest
@ContextConfiguration(classes = StoreTest.StoreOnly.class)
@TestPropertySource(properties = {"giaoban.api.base-path=/api/test", "giaoban.database=unused"})
public @interface StoreTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    class StoreOnly {
    }
}
