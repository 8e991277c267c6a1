package dev.fakesmtp.internal.web;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SmtpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes what servers captured into a folder that needs nothing but a browser: {@code index.html}
 * (one file, no script, nothing remote: the same rendering as the live viewer), each message as
 * {@code message-N.eml}, and each attachment under {@code message-N/}.
 */
public final class MailReport {

    /**
     * One server to report on.
     *
     * @param name how the report names it, e.g. {@code 'smtp' (field SignupTest.smtp)}
     * @param server the server; read when the report is written
     */
    public record Source(String name, FakeSmtpServer server) {

        /**
         * Checks that no part is null.
         *
         * @param name how the report names the server
         * @param server the server
         */
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(server, "server");
        }
    }

    private MailReport() {
    }

    /**
     * Replaces {@code directory} with a report of the sources' mail, sessions and rules.
     *
     * @param directory the report's folder; deleted first if it exists
     * @param title what the report is about, e.g. the test's name
     * @param outcome a line or two on how the test ended, e.g. its failure, or null
     * @param sources the servers
     * @return the written {@code index.html}
     * @throws UncheckedIOException if the folder cannot be written
     */
    public static Path write(Path directory, String title, String outcome, List<Source> sources) {
        try {
            deleteRecursively(directory);
            Files.createDirectories(directory);
            Map<ReceivedMail, Integer> numbers = new IdentityHashMap<>();
            List<List<ReceivedMail>> mailPerSource = new ArrayList<>();
            for (Source source : sources) {
                List<ReceivedMail> mails = source.server().mailbox().messages();
                mailPerSource.add(mails);
                for (ReceivedMail mail : mails) {
                    int number = numbers.size() + 1;
                    numbers.put(mail, number);
                    writeFiles(directory, mail, number);
                }
            }
            StringBuilder body = new StringBuilder("<h1>").append(Html.escape(title)).append("</h1>\n");
            if (outcome != null) {
                body.append("<div class=\"outcome\">").append(Html.escape(outcome)).append("</div>\n");
            }
            for (int k = 0; k < sources.size(); k++) {
                server(body, sources.get(k), mailPerSource.get(k), "server-" + (k + 1) + "-", numbers);
            }
            String navigation = "<nav><span class=\"brand\">fake-smtp report</span><span class=\"where\">"
                    + numbers.size() + " message" + (numbers.size() == 1 ? "" : "s") + "</span></nav>\n";
            Path index = directory.resolve("index.html");
            Files.writeString(index, Page.document(title + " - fake-smtp report", Page.REPORT_POLICY, null,
                    navigation, body.toString()), StandardCharsets.UTF_8);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the mail report to " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void server(StringBuilder body, Source source, List<ReceivedMail> mails, String prefix,
            Map<ReceivedMail, Integer> numbers) {
        FakeSmtpServer server = source.server();
        List<SmtpSession> sessions = server.sessions();
        String where = server.isRunning() ? "SMTP on " + server.host() + ":" + server.port() + " · " : "";
        body.append("<h2>Captured by ").append(Html.escape(source.name())).append("</h2>\n<p class=\"note\">")
                .append(Html.escape(where)).append(mails.size()).append(" message").append(mails.size() == 1 ? "" : "s")
                .append(" · ").append(sessions.size()).append(" session").append(sessions.size() == 1 ? "" : "s")
                .append("</p>\n");
        MessageView view = new MessageView(new ReportLinks(numbers, prefix));
        body.append(view.list(mails));
        for (ReceivedMail mail : mails) {
            body.append(view.message(mail, "message-" + numbers.get(mail), false));
        }
        body.append("<h2>Sessions</h2>\n").append(SessionView.sessions(sessions, prefix));
        if (!server.rules().isEmpty()) {
            body.append("<h2>Failure rules</h2>\n").append(SessionView.rules(server.rules()));
        }
    }

    private static void writeFiles(Path directory, ReceivedMail mail, int number) throws IOException {
        Files.write(directory.resolve("message-" + number + ".eml"), mail.raw());
        List<Attachment> parts = MessageParts.all(mail);
        if (parts.isEmpty()) {
            return;
        }
        Path folder = Files.createDirectories(directory.resolve("message-" + number));
        for (int i = 0; i < parts.size(); i++) {
            Files.write(folder.resolve(ReportLinks.fileName(i, parts.get(i))), parts.get(i).content());
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
