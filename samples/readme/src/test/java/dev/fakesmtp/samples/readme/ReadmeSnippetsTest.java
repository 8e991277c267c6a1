package dev.fakesmtp.samples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of the README compiles against the modules. A block that shows its
 * imports and declares a class (the quick start) compiles with exactly those imports; any other
 * block is completed with the imports a user would add and, for a method or a few statements,
 * wrapped in a class whose base ({@code ReadmeContext}) has the {@code smtp}, {@code mailbox} and
 * {@code message} it takes as given. Application classes the examples call (WelcomeMailer, ...)
 * are in {@code dev.fakesmtp.samples.readme.app}.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("../../README.md");
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?s)^(\\s*(//[^\\n]*\\n|@\\w[\\w.]*(\\([^)]*\\))?\\s*))*\\s*(public\\s+|final\\s+|abstract\\s+)*(class|interface|record|enum)\\s.*");
    private static final Pattern MEMBER = Pattern.compile("(?s)^\\s*(@|static\\s|void\\s|private\\s|protected\\s).*");
    private static final String APP_IMPORT = "import dev.fakesmtp.samples.readme.app.*;\n";
    /** What a user's IDE would add for the README's names. */
    private static final String USUAL_IMPORTS = String.join("\n",
            "import dev.fakesmtp.*;",
            "import dev.fakesmtp.assertj.*;",
            "import dev.fakesmtp.junit5.*;",
            "import dev.fakesmtp.spring.*;",
            "import dev.fakesmtp.testcontainers.*;",
            "import dev.fakesmtp.samples.jakartamail.*;",
            "import jakarta.mail.*;",
            "import jakarta.mail.internet.*;",
            "import java.time.*;",
            "import java.util.*;",
            "import org.junit.jupiter.api.*;",
            "import org.springframework.beans.factory.annotation.Autowired;",
            "import org.springframework.boot.test.context.SpringBootTest;",
            "import org.springframework.boot.test.context.TestConfiguration;",
            "import org.springframework.context.annotation.Bean;",
            "import org.springframework.context.annotation.Import;",
            "import org.springframework.test.context.DynamicPropertyRegistry;",
            "import org.springframework.test.context.DynamicPropertySource;",
            "import org.testcontainers.containers.GenericContainer;",
            "import org.testcontainers.images.builder.Transferable;",
            "import org.testcontainers.junit.jupiter.Container;",
            "import org.testcontainers.junit.jupiter.Testcontainers;",
            "import static org.assertj.core.api.Assertions.*;",
            "import static dev.fakesmtp.assertj.FakeSmtpAssertions.*;",
            "import static dev.fakesmtp.assertj.MailMatcher.*;",
            "");

    @Test
    void everyJavaBlockCompiles() throws IOException {
        List<Snippet> snippets = javaBlocks(Files.readAllLines(README));
        // The README has over 20 Java blocks: finding far fewer means the extraction broke, not the README.
        assertThat(snippets).as("java blocks found in %s", README.toAbsolutePath().normalize()).hasSizeGreaterThan(15);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("readme-snippets");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-classpath", testClassPath(), "-d", out.toString(), "-proc:none",
                    "-Xlint:none", "-nowarn");
            boolean compiled = javac.getTask(null, files, diagnostics, options, null,
                    snippets.stream().map(Snippet::source).collect(Collectors.toList())).call();

            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(locate(snippets, d) + ": " + d.getMessage(Locale.ROOT));
                }
            }
            assertThat(errors).as("README snippets that do not compile").isEmpty();
            assertThat(compiled).isTrue();
        }
    }

    private static List<Snippet> javaBlocks(List<String> lines) {
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i + 1;
            StringBuilder imports = new StringBuilder();
            StringBuilder body = new StringBuilder();
            int bodyStart = -1;
            for (i = start; !lines.get(i).strip().equals("```"); i++) {
                String line = lines.get(i);
                if (bodyStart < 0 && (line.startsWith("import ") || line.isBlank())) {
                    imports.append(line.isBlank() ? "" : line + "\n");
                } else {
                    if (bodyStart < 0) {
                        bodyStart = i + 1;  // 1-based README line of the body's first line
                    }
                    body.append(line).append('\n');
                }
            }
            snippets.add(Snippet.of(snippets.size() + 1, bodyStart, imports.toString(), body.toString()));
        }
        return snippets;
    }

    private static String locate(List<Snippet> snippets, Diagnostic<? extends JavaFileObject> d) {
        for (Snippet snippet : snippets) {
            if (snippet.source() == d.getSource()) {
                long readmeLine = snippet.readmeLine() + d.getLineNumber() - snippet.headerLines() - 1;
                return "README.md line " + readmeLine + " (block " + snippet.number() + ")";
            }
        }
        return String.valueOf(d.getSource());
    }

    private static String testClassPath() {
        // Surefire runs the tests from a manifest-only jar and names the real class path here.
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private record Snippet(int number, int readmeLine, int headerLines, JavaFileObject source) {

        static Snippet of(int number, int readmeLine, String imports, String body) {
            String pkg = "package readme.snippet" + number + ";\n";
            String header;
            String code;
            if (TYPE_DECLARATION.matcher(body).matches()) {
                // A class as the README shows it; one that shows its imports gets no others.
                header = pkg + (imports.isEmpty() ? USUAL_IMPORTS : imports) + APP_IMPORT;
                code = body;
            } else if (MEMBER.matcher(body).matches()) {
                header = pkg + USUAL_IMPORTS + imports + APP_IMPORT
                        + "class Snippet" + number + " extends ReadmeContext {\n";
                code = body + "}\n";
            } else {
                header = pkg + USUAL_IMPORTS + imports + APP_IMPORT
                        + "class Snippet" + number + " extends ReadmeContext {\n"
                        + "  void snippet() throws Exception {\n";
                code = body + "  }\n}\n";
            }
            String source = header + code;
            int headerLines = (int) header.chars().filter(c -> c == '\n').count();
            URI uri = URI.create("string:///readme/snippet" + number + "/Snippet" + number + ".java");
            return new Snippet(number, readmeLine, headerLines, new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            });
        }
    }
}
