package dev.fakesmtp.spring;

import org.springframework.boot.test.context.SpringBootTestContextBootstrapper;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate;
import org.springframework.test.context.cache.DefaultContextCache;
import org.springframework.test.context.support.DefaultBootstrapContext;

/**
 * Loads the contexts of {@code @SpringBootTest} classes through a context cache of its own, as
 * the TestContext framework does for real test classes, without touching the shared cache.
 */
final class PrivateContextCache {

    private final DefaultContextCache cache;
    private final DefaultCacheAwareContextLoaderDelegate delegate;

    PrivateContextCache(int maxSize) {
        this.cache = new DefaultContextCache(maxSize);
        this.delegate = new DefaultCacheAwareContextLoaderDelegate(cache);
    }

    /** The test context of {@code testClass}, as its test methods would see it. */
    TestContext testContext(Class<?> testClass) {
        SpringBootTestContextBootstrapper bootstrapper = new SpringBootTestContextBootstrapper();
        bootstrapper.setBootstrapContext(new DefaultBootstrapContext(testClass, delegate));
        return new TestContextManager(bootstrapper).getTestContext();
    }

    /** Loads (or takes from this cache) the application context of {@code testClass}. */
    ApplicationContext load(Class<?> testClass) {
        return testContext(testClass).getApplicationContext();
    }

    /** Closes the context of {@code testClass} and drops it from this cache, as {@code @DirtiesContext} does. */
    void close(Class<?> testClass) {
        testContext(testClass).markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
    }

    /** How many contexts this cache holds. */
    int size() {
        return cache.size();
    }

    /** Closes every context. */
    void clear() {
        cache.clear();
    }
}
