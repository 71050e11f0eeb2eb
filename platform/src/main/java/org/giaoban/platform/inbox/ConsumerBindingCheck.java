package org.giaoban.platform.inbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service whose Spring Cloud Stream configuration does not bind each {@link IntegrationEventConsumer}
 * bean as declared in code: named in {@code spring.cloud.function.definition}, its binding reading the consumer's
 * topic under the consumer's name as group. Without this, a typo would consume under another consumer group (reading
 * the topic again from its start, parking on another dead-letter topic) or not at all; the error lists the exact lines
 * to write.
 */
class ConsumerBindingCheck implements SmartInitializingSingleton {

    private final ListableBeanFactory beans;
    private final BindingServiceProperties bindings;
    private final Environment environment;

    ConsumerBindingCheck(ListableBeanFactory beans, BindingServiceProperties bindings, Environment environment) {
        this.beans = beans;
        this.bindings = bindings;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, IntegrationEventConsumer> consumers = beans.getBeansOfType(IntegrationEventConsumer.class);
        Set<String> functions = Arrays.stream(environment.getProperty("spring.cloud.function.definition", "").split("[;,|]"))
                .map(String::trim)
                .collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        consumers.forEach((bean, consumer) -> {
            String binding = bean + "-in-0";
            if (!functions.contains(bean)
                    || !consumer.topic().equals(bindings.getBindingDestination(binding))
                    || !consumer.name().equals(bindings.getGroup(binding))) {
                missing.add("spring.cloud.stream.bindings." + binding + ".destination=" + consumer.topic());
                missing.add("spring.cloud.stream.bindings." + binding + ".group=" + consumer.name());
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The integration event consumers " + consumers.keySet() + " are not bound as "
                    + "declared. The service's configuration must have:\n  spring.cloud.function.definition="
                    + String.join(";", consumers.keySet()) + "\n  " + String.join("\n  ", missing));
        }
    }
}
