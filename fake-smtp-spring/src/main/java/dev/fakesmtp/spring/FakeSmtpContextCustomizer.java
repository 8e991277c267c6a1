package dev.fakesmtp.spring;

import dev.fakesmtp.FakeSmtpServer;
import java.util.LinkedHashMap;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Registers the server as a bean and its {@code spring.mail.*} properties in the environment;
 * the server starts when the context refreshes, before any configuration is read. A record:
 * equal settings, equal customizers, so test classes with the same {@link AutoConfigureFakeSmtp}
 * share a context.
 */
record FakeSmtpContextCustomizer(FakeSmtpSettings settings) implements ContextCustomizer {

    static final String PROPERTY_SOURCE = "fakeSmtp";

    /** Where the test's own properties live; they stay above ours, so a test can override any key. */
    private static final String[] TEST_PROPERTY_SOURCES = {
        "Dynamic Test Properties", TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME};

    /**
     * Nothing started here: a customizer or initializer after this one may fail before the
     * refresh, and nobody closes a context that never refreshed, so a server started here would
     * leak its port and threads. A refresh that fails destroys the registered beans, this one too.
     */
    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        FakeSmtpServer server = settings.newServer();
        MapPropertySource properties = new MapPropertySource(PROPERTY_SOURCE, new LinkedHashMap<>());
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
        context.addBeanFactoryPostProcessor(new StartOnRefresh(wiring));
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

    /**
     * Starts the server as the refresh begins: added to the context, a registry post-processor
     * runs before the configuration classes are parsed, so even their property conditions see
     * {@code spring.mail.*}.
     */
    private record StartOnRefresh(FakeSmtpWiring wiring) implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            wiring.start();
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            // Everything happened in postProcessBeanDefinitionRegistry.
        }
    }
}
