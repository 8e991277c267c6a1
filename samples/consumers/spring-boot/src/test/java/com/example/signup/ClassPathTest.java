package com.example.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The README's setup puts no class on the test class path twice: Spring Boot 3.5's mail starter
 * brings Jakarta Mail as one all-in-one jar, 4.0's as jakarta.mail-api and angus-mail, and
 * fake-smtp-spring adds no second copy of either.
 */
class ClassPathTest {

    @Test
    void noClassIsOnTheTestClassPathTwice() throws IOException {
        Map<String, List<String>> jarsByClass = new TreeMap<>();
        for (String entry : testClassPath()) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                        jarsByClass.computeIfAbsent(name, n -> new ArrayList<>()).add(new File(entry).getName());
                    }
                }
            }
        }
        Map<String, List<String>> duplicates = new LinkedHashMap<>();
        jarsByClass.forEach((name, jars) -> {
            if (jars.size() > 1) {
                duplicates.put(name, jars);
            }
        });

        assertThat(jarsByClass).as("classes found on the test class path").containsKey("jakarta/mail/Session.class");
        assertThat(duplicates).as("%d classes are on the test class path more than once, e.g. %s",
                duplicates.size(), duplicates.entrySet().stream().limit(5).toList()).isEmpty();
    }

    private static List<String> testClassPath() {
        // Surefire runs the tests from a manifest-only jar and names the real class path here.
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(path.split(File.pathSeparator));
    }
}
