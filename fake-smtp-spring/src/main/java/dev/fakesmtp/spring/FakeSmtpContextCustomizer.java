package dev.fakesmtp.spring;

import dev.fakesmtp.FakeSmtpServer;
import java.util.LinkedHashMap;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts the server before the context refreshes, registers it as a bean and puts its
 * {@code spring.mail.*} properties into the environment. A record: equal settings, equal
 * customizers, so test classes with the same {@link AutoConfigureFakeSmtp} share a context.
 */
record FakeSmtpContextCustomizer(FakeSmtpSettings settings) implements ContextCustomizer {

    static final String PROPERTY_SOURCE = "fakeSmtp";

    /** Where the test's own properties live; they stay above ours, so a test can override any key. */
    private static final String[] TEST_PROPERTY_SOURCES = {
        "Dynamic Test Properties", TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME};

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        FakeSmtpServer server = settings.newServer().start();
        try {
            MapPropertySource properties = new MapPropertySource(PROPERTY_SOURCE,
                    new LinkedHashMap<>(SpringMailProperties.of(server, settings.username(), settings.password())));
            addBelowTestProperties(context.getEnvironment().getPropertySources(), properties);
            FakeSmtpWiring wiring = new FakeSmtpWiring(settings, server, properties);
            ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
            beanFactory.registerSingleton(FakeSmtpWiring.SERVER_BEAN, server);
            beanFactory.registerSingleton(FakeSmtpWiring.BEAN_NAME, wiring);
            if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
                // Registered first, destroyed last: beans that send mail while closing still reach it.
                registry.registerDisposableBean(FakeSmtpWiring.BEAN_NAME, wiring);
            } else {
                context.addApplicationListener(event -> {
                    if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                        wiring.destroy();
                    }
                });
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static void addBelowTestProperties(MutablePropertySources sources, MapPropertySource properties) {
        String lowest = null;
        for (String name : TEST_PROPERTY_SOURCES) {
            if (sources.contains(name)) {
                lowest = name;
            }
        }
        if (lowest == null) {
            sources.addFirst(properties);
        } else {
            sources.addAfter(lowest, properties);
        }
    }
}
