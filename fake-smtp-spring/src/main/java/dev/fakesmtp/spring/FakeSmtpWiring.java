package dev.fakesmtp.spring;

import dev.fakesmtp.FakeSmtpServer;
import java.util.Arrays;
import java.util.Map;
import org.springframework.beans.factory.BeanFactoryInitializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.MapPropertySource;

/**
 * The server wired into one application context, and its {@code spring.mail.*} properties.
 * Registered as a singleton before the context refreshes; as a {@link BeanFactoryInitializer} it
 * runs after every bean definition is known and before any ordinary singleton is created,
 * which is where a {@code FakeSmtpServer} bean declared by the test takes over.
 */
final class FakeSmtpWiring implements BeanFactoryInitializer<ListableBeanFactory>, DisposableBean {

    /** The name of the server bean that {@link AutoConfigureFakeSmtp}'s attributes describe. */
    static final String SERVER_BEAN = "fakeSmtpServer";
    static final String BEAN_NAME = "dev.fakesmtp.spring.internalFakeSmtpWiring";

    private final FakeSmtpSettings settings;
    private final MapPropertySource properties;
    private volatile FakeSmtpServer server;

    FakeSmtpWiring(FakeSmtpSettings settings, FakeSmtpServer server, MapPropertySource properties) {
        this.settings = settings;
        this.server = server;
        this.properties = properties;
    }

    /**
     * Starts the attributes' server and puts its {@code spring.mail.*} into the environment; on
     * the context's refresh, before any configuration is read.
     */
    void start() {
        FakeSmtpServer current = server;
        if (!current.isRunning()) {
            current.start();
        }
        properties.getSource().clear();
        properties.getSource().putAll(SpringMailProperties.of(current, settings.username(), settings.password()));
    }

    /** The wired server: the attributes' one, or the bean the test declared. */
    FakeSmtpServer server() {
        return server;
    }

    @Override
    public void initialize(ListableBeanFactory beanFactory) {
        String[] declared = Arrays.stream(beanFactory.getBeanNamesForType(FakeSmtpServer.class, true, false))
                .filter(beanFactory::containsBeanDefinition)
                .toArray(String[]::new);
        if (declared.length == 0) {
            return;
        }
        String name = checkDeclared(beanFactory, declared);
        FakeSmtpServer declaredServer = beanFactory.getBean(name, FakeSmtpServer.class);
        if (!declaredServer.isRunning()) {
            declaredServer.start();
        }
        Map<String, Object> wired = SpringMailProperties.of(declaredServer, settings.username(), settings.password());
        properties.getSource().clear();
        properties.getSource().putAll(wired);
        FakeSmtpServer discarded = server;
        server = declaredServer;
        if (beanFactory instanceof DefaultListableBeanFactory factory && !factory.containsBeanDefinition(SERVER_BEAN)
                && factory.containsSingleton(SERVER_BEAN)) {
            // Only the declared server stays injectable; the attributes' one was never used.
            factory.destroySingleton(SERVER_BEAN);
        }
        discarded.close();
    }

    private String checkDeclared(ListableBeanFactory beanFactory, String[] declared) {
        if (declared.length > 1) {
            throw new IllegalStateException("@AutoConfigureFakeSmtp wires one FakeSmtpServer, but the context declares "
                    + declared.length + ": " + String.join(", ", declared)
                    + ". Keep one, or wire the others yourself.");
        }
        if (settings.configuresServer()) {
            throw new IllegalStateException("The context declares the FakeSmtpServer bean '" + declared[0]
                    + "', and @AutoConfigureFakeSmtp configures a server too (" + settings + "). Configure the bean"
                    + " and leave startTls, implicitTls, requireAuth, hostname and webUi at their defaults.");
        }
        if (!beanFactory.isSingleton(declared[0])) {
            throw new IllegalStateException("The FakeSmtpServer bean '" + declared[0]
                    + "' must be a singleton: the context is wired to one server.");
        }
        return declared[0];
    }

    /** Closes the wired server when the context closes, after the application's beans. */
    @Override
    public void destroy() {
        server.close();
    }
}
