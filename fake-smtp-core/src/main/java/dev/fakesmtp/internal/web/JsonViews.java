package dev.fakesmtp.internal.web;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.Authentication;
import dev.fakesmtp.Envelope;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TlsInfo;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.Violation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON documents of the web UI's {@code /api/}: messages, one message, sessions, rules. Times
 * are ISO-8601 instants; absent values are {@code null}; AUTH secrets are never included.
 */
final class JsonViews {

    private JsonViews() {
    }

    /** {@code [summary, ...]}, oldest first. */
    static String messages(List<ReceivedMail> mails) {
        Json json = new Json().beginArray();
        for (ReceivedMail mail : mails) {
            summary(json, mail);
        }
        return json.endArray().toString();
    }

    /** The summary plus headers, bodies and attachments. */
    static String message(ReceivedMail mail) {
        Json json = new Json();
        String id = MessageParts.id(mail);
        open(json, mail);
        json.name("headers").beginArray();
        for (Map.Entry<String, String> header : MessageParts.headers(mail)) {
            json.beginObject().member("name", header.getKey()).member("value", header.getValue()).endObject();
        }
        json.endArray().member("text", MessageParts.text(mail)).member("html", MessageParts.html(mail))
                .member("parseError", MessageParts.parseError(mail));
        json.name("attachments").beginArray();
        List<Attachment> parts = MessageParts.all(mail);
        for (int i = 0; i < parts.size(); i++) {
            Attachment part = parts.get(i);
            json.beginObject().member("fileName", part.fileName().orElse(null))
                    .member("contentType", part.contentType()).name("size").value(part.size())
                    .name("inline").value(part.isInline()).member("contentId", part.contentId().orElse(null))
                    .member("href", "/api/messages/" + id + "/attachments/" + i).endObject();
        }
        return json.endArray().endObject().toString();
    }

    private static void summary(Json json, ReceivedMail mail) {
        open(json, mail);
        json.endObject();
    }

    private static void open(Json json, ReceivedMail mail) {
        Envelope envelope = mail.envelope();
        String id = MessageParts.id(mail);
        json.beginObject().member("id", id).member("receivedAt", envelope.receivedAt().toString())
                .member("mailFrom", envelope.mailFrom());
        json.name("recipients").beginArray();
        envelope.recipients().forEach(json::value);
        json.endArray().member("subject", subjectOrNull(mail)).name("size").value(mail.size())
                .member("sessionId", envelope.sessionId()).name("transactionIndex").value(envelope.transactionIndex())
                .member("heloName", envelope.heloName());
        tls(json.name("tls"), envelope.tls());
        json.member("authenticatedUser", envelope.authenticatedUser().orElse(null))
                .member("href", "/messages/" + id).member("raw", "/api/messages/" + id + "/raw");
    }

    private static String subjectOrNull(ReceivedMail mail) {
        try {
            return mail.subject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code [session, ...]} with transcripts and violations. */
    static String sessions(List<SmtpSession> sessions) {
        Json json = new Json().beginArray();
        for (SmtpSession session : sessions) {
            json.beginObject().member("id", session.id())
                    .member("clientAddress", String.valueOf(session.clientAddress()))
                    .member("startedAt", session.startedAt().toString())
                    .member("endedAt", session.endedAt().map(Object::toString).orElse(null))
                    .member("end", session.end().name()).member("heloName", session.heloName().orElse(null));
            tls(json.name("tls"), session.tls());
            json.member("tlsFailure", session.tlsFailure().orElse(null))
                    .member("authenticatedUser", session.authentication().map(Authentication::user).orElse(null))
                    .name("messageCount").value(session.messageCount());
            json.name("violations").beginArray();
            for (Violation violation : session.violations()) {
                json.beginObject().member("type", violation.type().name()).member("detail", violation.detail())
                        .endObject();
            }
            json.endArray().name("transcript").beginArray();
            for (TranscriptLine line : session.transcript()) {
                json.beginObject().member("direction", line.direction().name()).member("text", line.text())
                        .member("time", line.time().toString()).member("rule", line.causedBy().orElse(null))
                        .endObject();
            }
            json.endArray().endObject();
        }
        return json.endArray().toString();
    }

    /** {@code [{description, timesMatched, timesFired}, ...]}. */
    static String rules(List<Rule> rules) {
        Json json = new Json().beginArray();
        for (Rule rule : rules) {
            json.beginObject().member("description", rule.description()).name("timesMatched")
                    .value(rule.timesMatched()).name("timesFired").value(rule.timesFired()).endObject();
        }
        return json.endArray().toString();
    }

    /** {@code {"protocol": ..., "cipherSuite": ..., "implicit": ...}} or {@code null}. */
    private static void tls(Json json, Optional<TlsInfo> tls) {
        if (tls.isEmpty()) {
            json.value((String) null);
            return;
        }
        json.beginObject().member("protocol", tls.get().protocol()).member("cipherSuite", tls.get().cipherSuite())
                .name("implicit").value(tls.get().implicit()).endObject();
    }
}
