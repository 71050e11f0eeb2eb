package org.giaoban.platform.inbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.env.MockEnvironment;

/** The start-up check of a service's bindings; nothing here connects to a database or a broker. */
class ConsumerBindingCheckTest {

    private final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    private final BindingServiceProperties bindings = new BindingServiceProperties();
    private final MockEnvironment environment = new MockEnvironment();

    ConsumerBindingCheckTest() {
        SimpleDriverDataSource unused = new SimpleDriverDataSource();
        InboxConsumers consumers = new InboxConsumers(new Inbox(unused, new DataSourceTransactionManager(unused)), new ObjectMapper());
        beans.addBean("notes", consumers.define("inbox-test-notes", InboxTestApplication.NOTES).on(NoteTaken.class, note -> {
        }).build());
    }

    @Test
    void aConsumerBoundAsDeclaredStarts() {
        environment.setProperty("spring.cloud.function.definition", "drafts;notes");
        bind("notes-in-0", "inbox-test.notes.v1", "inbox-test-notes");

        assertThatCode(this::check).doesNotThrowAnyException();
    }

    @Test
    void aConsumerUnderAnotherGroupDoesNotStartAndIsToldWhatToWrite() {
        environment.setProperty("spring.cloud.function.definition", "notes");
        bind("notes-in-0", "inbox-test.notes.v1", "inbox-test-note");

        assertThatThrownBy(this::check).hasMessageContaining("spring.cloud.stream.bindings.notes-in-0.group=inbox-test-notes")
                .hasMessageContaining("spring.cloud.stream.bindings.notes-in-0.destination=inbox-test.notes.v1");
    }

    @Test
    void aConsumerMissingFromTheFunctionDefinitionDoesNotStart() {
        bind("notes-in-0", "inbox-test.notes.v1", "inbox-test-notes");

        assertThatThrownBy(this::check).hasMessageContaining("spring.cloud.function.definition=notes");
    }

    private void bind(String binding, String destination, String group) {
        BindingProperties properties = new BindingProperties();
        properties.setDestination(destination);
        properties.setGroup(group);
        bindings.getBindings().put(binding, properties);
    }

    private void check() {
        new ConsumerBindingCheck(beans, bindings, environment).afterSingletonsInstantiated();
    }
}
