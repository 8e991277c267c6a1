package dev.fakesmtp.internal.web;

import dev.fakesmtp.Rule;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.Violation;
import java.util.List;

/**
 * Renders sessions (with their transcripts, the lines a failure rule caused and the client's
 * protocol violations marked) and failure rules, for the viewer and the report alike. This is
 * the one place that knows how a {@link TranscriptLine} looks on a page.
 */
public final class SessionView {

    private SessionView() {
    }

    /**
     * Every session, oldest first, each with its transcript.
     *
     * @param sessions the sessions
     * @param anchorPrefix prefixed to each section's id, e.g. {@code ""} or {@code "server-1-"}
     * @return the sections, or a note when there are none
     */
    public static String sessions(List<SmtpSession> sessions, String anchorPrefix) {
        if (sessions.isEmpty()) {
            return "<p class=\"empty\">No sessions.</p>\n";
        }
        StringBuilder html = new StringBuilder();
        for (SmtpSession session : sessions) {
            session(html, session, anchorPrefix + "session-" + session.id());
        }
        return html.toString();
    }

    private static void session(StringBuilder html, SmtpSession session, String anchor) {
        html.append("<section class=\"session\" id=\"").append(Html.escape(anchor)).append("\">\n<h3>Session ")
                .append(Html.escape(session.id())).append("</h3>\n<table class=\"fields\">\n");
        field(html, "Client", String.valueOf(session.clientAddress()));
        field(html, "Started", Html.time(session.startedAt()));
        field(html, "Ended", session.endedAt().map(Html::time).orElse("still open") + " (" + session.end() + ")");
        field(html, "HELO", session.heloName().orElse(""));
        field(html, "TLS", session.tls().map(Object::toString).orElse(session.tlsFailure()
                .map(failure -> "handshake failed: " + failure).orElse("none")));
        // Authentication.toString() is "user via MECHANISM": the secret never reaches a page.
        field(html, "AUTH", session.authentication().map(Object::toString).orElse("none"));
        field(html, "Messages", String.valueOf(session.messageCount()));
        html.append("</table>\n");
        List<Violation> violations = session.violations();
        if (!violations.isEmpty()) {
            html.append("<p><span class=\"badge bad\">").append(violations.size()).append(" violation")
                    .append(violations.size() == 1 ? "" : "s").append("</span></p>\n<ul class=\"violations\">\n");
            for (Violation violation : violations) {
                html.append("<li><b>").append(Html.escape(violation.type().name())).append("</b>: ")
                        .append(Html.escape(violation.detail())).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        transcript(html, session.transcript(), violations);
        html.append("</section>\n");
    }

    /** One list item per line; rule-caused lines and lines a violation names are marked. */
    private static void transcript(StringBuilder html, List<TranscriptLine> lines, List<Violation> violations) {
        html.append("<ol class=\"transcript\">\n");
        for (TranscriptLine line : lines) {
            boolean client = line.direction() == TranscriptLine.Direction.CLIENT;
            Violation violation = client ? violationOf(line, violations) : null;
            html.append("<li class=\"").append(cssClass(line.direction()))
                    .append(line.causedBy().isPresent() ? " rule" : "").append(violation != null ? " violation" : "")
                    .append("\" title=\"").append(Html.escape(line.time().toString())).append("\">")
                    .append(prefix(line.direction())).append(Html.escape(line.text()));
            line.causedBy().ifPresent(rule -> html.append("<span class=\"mark\">   &lt;- ")
                    .append(Html.escape(rule)).append("</span>"));
            if (violation != null) {
                html.append("<span class=\"mark\">   &lt;- violation ").append(Html.escape(violation.type().name()))
                        .append("</span>");
            }
            html.append("</li>\n");
        }
        html.append("</ol>\n");
    }

    private static String cssClass(TranscriptLine.Direction direction) {
        return switch (direction) {
            case CLIENT -> "client";
            case SERVER -> "server";
            case NOTE -> "note";
        };
    }

    /** As {@code TranscriptLine.toString()} marks them: a note never poses as a wire line. */
    private static String prefix(TranscriptLine.Direction direction) {
        return switch (direction) {
            case CLIENT -> "C: ";
            case SERVER -> "S: ";
            case NOTE -> "-- ";
        };
    }

    /**
     * The violation whose detail quotes this client line ("...: NOOP"). Violations carry no line
     * number, so this is a best effort; the list above the transcript is the complete record.
     */
    private static Violation violationOf(TranscriptLine line, List<Violation> violations) {
        String text = line.text();
        if (text.isBlank()) {
            return null;
        }
        for (Violation violation : violations) {
            if (violation.detail().endsWith(": " + text)) {
                return violation;
            }
        }
        return null;
    }

    /**
     * The failure rules with how often each matched and fired.
     *
     * @param rules the rules, oldest first
     * @return a table, or a note when there are none
     */
    public static String rules(List<Rule> rules) {
        if (rules.isEmpty()) {
            return "<p class=\"empty\">No failure rules.</p>\n";
        }
        StringBuilder html = new StringBuilder("<table class=\"rules\">\n<thead><tr><th>Rule</th><th>Matched</th>"
                + "<th>Fired</th></tr></thead>\n<tbody>\n");
        for (Rule rule : rules) {
            html.append("<tr><td>").append(Html.escape(rule.description())).append("</td><td class=\"num\">")
                    .append(rule.timesMatched()).append("</td><td class=\"num\">").append(rule.timesFired())
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static void field(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(Html.escape(name)).append("</th><td>")
                .append(value.isEmpty() ? "<span class=\"muted\">none</span>" : Html.escape(value))
                .append("</td></tr>\n");
    }
}
