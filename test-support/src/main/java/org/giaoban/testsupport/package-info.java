/**
 * Real PostgreSQL and a real Kafka broker for integration tests, with no H2 and no mocked broker.
 *
 * <ul>
 *   <li>{@link org.giaoban.testsupport.ServiceTest} on a service test class: the service starts against a fresh
 *       database of its own and the test broker.</li>
 *   <li>{@link org.giaoban.testsupport.RealInfrastructureInitializer} for contexts that do not use
 *       {@code @ServiceTest}.</li>
 *   <li>{@link org.giaoban.testsupport.TestInfrastructure#get()} for direct access (JDBC URL, bootstrap servers,
 *       restarting the broker in fault tests).</li>
 * </ul>
 *
 * <p>Where a Docker engine answers, Testcontainers provides both servers; otherwise the PostgreSQL at
 * {@code GIAOBAN_DB_HOST:GIAOBAN_DB_PORT} (default 127.0.0.1:5432, user {@code GIAOBAN_DB_USER} = postgres,
 * password {@code GIAOBAN_DB_PASSWORD} = empty) or an embedded real one, and a KRaft broker inside the test JVM.
 * {@code -Dgiaoban.test.docker=false} skips the Docker probe, {@code =true} requires Docker. See
 * {@link org.giaoban.testsupport.TestInfrastructure} for the details.
 *
 * <p>Test logging: put this in the module's {@code src/test/resources/logback-test.xml}:
 * <pre>{@code
 * <configuration>
 *   <include resource="giaoban-test-logback.xml"/>
 * </configuration>
 * }</pre>
 */
package org.giaoban.testsupport;
