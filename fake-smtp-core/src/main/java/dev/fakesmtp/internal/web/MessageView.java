package dev.fakesmtp.internal.web;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.Envelope;
import dev.fakesmtp.ReceivedMail;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders messages as HTML: the list (time, envelope, subject, size, TLS and AUTH) and one
 * message in full (envelope, rendered HTML body in a sandboxed iframe, text body, attachments,
 * headers, raw source). The viewer and the report both use it; only their {@link Links} differ.
 */
public final class MessageView {

    /** Longer raw sources are cut in the page; the full bytes are one click away. */
    static final int MAX_RAW_CHARS = 256 * 1024;

    private final Links links;

    /**
     * A renderer whose pages point where {@code links} says.
     *
     * @param links the viewer's or the report's links
     */
    public MessageView(Links links) {
        this.links = links;
    }

    /**
     * The table of messages, oldest first.
     *
     * @param mails the messages
     * @return the table, or a note when there are none
     */
    public String list(List<ReceivedMail> mails) {
        StringBuilder html = new StringBuilder();
        html.append("<table class=\"messages\">\n<thead><tr><th>Received</th><th>From (envelope)</th>")
                .append("<th>To (envelope)</th><th>Subject</th><th>Size</th><th>Security</th></tr></thead>\n")
                .append("<tbody id=\"message-rows\">\n");
        for (ReceivedMail mail : mails) {
            Envelope envelope = mail.envelope();
            html.append("<tr data-id=\"").append(Html.escape(MessageParts.id(mail))).append("\"><td>")
                    .append(Html.escape(Html.time(envelope.receivedAt()))).append("</td><td>")
                    .append(Html.escape(sender(envelope))).append("</td><td>")
                    .append(Html.escape(String.join(", ", envelope.recipients()))).append("</td><td><a href=\"")
                    .append(Html.escape(links.message(mail))).append("\">")
                    .append(Html.escape(MessageParts.subject(mail))).append("</a></td><td class=\"num\">")
                    .append(Html.escape(Html.size(mail.size()))).append("</td><td>").append(badges(envelope))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        html.append("<p class=\"empty\" id=\"no-messages\"").append(mails.isEmpty() ? "" : " hidden")
                .append(">No messages captured.</p>\n");
        return html.toString();
    }

    /**
     * One message in full.
     *
     * @param mail the message
     * @param anchor the section's id attribute, e.g. {@code message-1}
     * @param remoteImages true when the page's policy lets remote images load (the user asked)
     * @return a {@code <section>}
     */
    public String message(ReceivedMail mail, String anchor, boolean remoteImages) {
        Envelope envelope = mail.envelope();
        StringBuilder html = new StringBuilder();
        html.append("<section class=\"message\" id=\"").append(Html.escape(anchor)).append("\">\n<h2>")
                .append(Html.escape(MessageParts.subject(mail))).append("</h2>\n<table class=\"fields\">\n");
        String cc = MessageParts.addresses(mail, "Cc");
        row(html, "MAIL FROM", "<" + envelope.mailFrom() + ">" + parameters(envelope.mailParameters()),
                "From", MessageParts.addresses(mail, "From"));
        row(html, "RCPT TO", String.join(", ", envelope.recipients()),
                "To", MessageParts.addresses(mail, "To") + (cc.isEmpty() ? "" : "; Cc: " + cc));
        row(html, "Received", Html.time(envelope.receivedAt()), "Size", Html.size(mail.size()) + " (" + mail.size()
                + " bytes)");
        row(html, "TLS", envelope.tls().map(Object::toString).orElse("none (clear text)"),
                "AUTH", envelope.authentication().map(Object::toString).orElse("none"));
        html.append("<tr><th>Session</th><td colspan=\"3\"><a href=\"")
                .append(Html.escape(links.session(envelope.sessionId()))).append("\">")
                .append(Html.escape(envelope.sessionId())).append("</a>, transaction ")
                .append(envelope.transactionIndex()).append(", HELO ").append(Html.escape(envelope.heloName()))
                .append(envelope.clientAddress().map(address -> ", client " + Html.escape(address.toString()))
                        .orElse(""))
                .append("</td></tr>\n</table>\n");
        String parseError = MessageParts.parseError(mail);
        if (parseError != null) {
            html.append("<p class=\"outcome\">This message cannot be parsed as MIME: ").append(Html.escape(parseError))
                    .append("</p>\n");
        }
        List<Attachment> parts = MessageParts.all(mail);
        htmlBody(html, mail, parts, remoteImages);
        String text = MessageParts.text(mail);
        html.append("<h3>Text body</h3>\n").append(text == null ? "<p class=\"empty\">No text body.</p>\n"
                : "<pre class=\"mail-text\">" + Html.escape(text) + "</pre>\n");
        attachments(html, mail, parts);
        headers(html, mail);
        raw(html, mail);
        html.append("</section>\n");
        return html.toString();
    }

    private void htmlBody(StringBuilder html, ReceivedMail mail, List<Attachment> parts, boolean remoteImages) {
        String body = MessageParts.html(mail);
        html.append("<h3>HTML body</h3>\n");
        if (body == null) {
            html.append("<p class=\"empty\">No HTML body.</p>\n");
            return;
        }
        Optional<String> remote = links.remoteImages(mail);
        html.append("<p class=\"note\">Shown in a sandbox: scripts, forms and navigation are off");
        if (remoteImages) {
            html.append("; remote images are loaded.");
        } else if (remote.isPresent()) {
            html.append("; remote content is blocked. <a class=\"remote-images\" href=\"")
                    .append(Html.escape(remote.get())).append("\">Load remote images</a>");
        } else {
            html.append("; remote content is blocked (open the .eml in a mail client to see it).");
        }
        // No allow-scripts, allow-forms, allow-same-origin or allow-top-navigation: a captured mail can
        // run nothing and reach nothing; only a click on a link opens it, in a new tab.
        html.append("</p>\n<iframe class=\"mail-html\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\"")
                .append(" referrerpolicy=\"no-referrer\" title=\"HTML body of ")
                .append(Html.escape(MessageParts.subject(mail))).append("\" srcdoc=\"")
                .append(Html.escape(HtmlBody.srcdoc(body, parts))).append("\"></iframe>\n");
    }

    private void attachments(StringBuilder html, ReceivedMail mail, List<Attachment> parts) {
        html.append("<h3>Attachments and inline parts</h3>\n");
        if (parts.isEmpty()) {
            html.append("<p class=\"empty\">None.</p>\n");
            return;
        }
        html.append("<ul class=\"attachments\">\n");
        for (int i = 0; i < parts.size(); i++) {
            Attachment part = parts.get(i);
            String name = part.fileName().orElse("part-" + (i + 1));
            html.append("<li><a class=\"download\" href=\"").append(Html.escape(links.attachment(mail, i, part)))
                    .append("\" download=\"").append(Html.escape(name)).append("\">").append(Html.escape(name))
                    .append("</a> <span class=\"muted\">").append(Html.escape(part.contentType())).append(", ")
                    .append(Html.escape(Html.size(part.size()))).append(part.isInline() ? ", inline" : "")
                    .append(part.contentId().map(id -> ", Content-ID &lt;" + Html.escape(id) + "&gt;").orElse(""))
                    .append("</span>");
            if (HtmlBody.showable(part)) {
                html.append("<img alt=\"").append(Html.escape(name)).append("\" src=\"")
                        .append(Html.dataUri(part.contentType(), part.content())).append("\">");
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static void headers(StringBuilder html, ReceivedMail mail) {
        html.append("<details class=\"headers\"><summary>Headers</summary>\n<table class=\"fields\">\n");
        for (Map.Entry<String, String> header : MessageParts.headers(mail)) {
            field(html, header.getKey(), header.getValue());
        }
        html.append("</table>\n</details>\n");
    }

    private void raw(StringBuilder html, ReceivedMail mail) {
        String raw = new String(mail.raw(), StandardCharsets.UTF_8);
        boolean cut = raw.length() > MAX_RAW_CHARS;
        html.append("<details class=\"raw\"><summary>Raw source</summary>\n<p class=\"note\"><a href=\"")
                .append(Html.escape(links.raw(mail))).append("\" download=\"").append(Html.escape(MessageParts.id(mail)))
                .append(".eml\">Download the .eml</a>").append(cut ? " (the page shows the first 256 KiB)" : "")
                .append("</p>\n<pre class=\"mail-raw\">").append(Html.escape(cut ? raw.substring(0, MAX_RAW_CHARS) : raw))
                .append("</pre>\n</details>\n");
    }

    /**
     * The TLS and AUTH badges of a message, for lists.
     *
     * @param envelope the message's envelope
     * @return badge spans, or a muted "plain"
     */
    static String badges(Envelope envelope) {
        String tls = envelope.tls().map(info -> "<span class=\"badge\">" + Html.escape(info.protocol()) + "</span>")
                .orElse("");
        String auth = envelope.authenticatedUser().map(user -> "<span class=\"badge\">AUTH " + Html.escape(user)
                + "</span>").orElse("");
        return tls.isEmpty() && auth.isEmpty() ? "<span class=\"muted\">plain</span>" : tls + auth;
    }

    private static String sender(Envelope envelope) {
        return envelope.mailFrom().isEmpty() ? "<>" : envelope.mailFrom();
    }

    private static String parameters(Map<String, String> parameters) {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(parameters).forEach((key, value) -> text.append(' ').append(key).append(value.isEmpty() ? "" : "=" + value));
        return text.toString();
    }

    /** Two fields side by side, so the summary stays short above the rendered mail. */
    private static void row(StringBuilder html, String name, String value, String otherName, String otherValue) {
        html.append("<tr>");
        cells(html, name, value);
        cells(html, otherName, otherValue);
        html.append("</tr>\n");
    }

    private static void cells(StringBuilder html, String name, String value) {
        html.append("<th>").append(Html.escape(name)).append("</th><td>")
                .append(value == null || value.isEmpty() ? "<span class=\"muted\">none</span>" : Html.escape(value))
                .append("</td>");
    }

    private static void field(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(Html.escape(name)).append("</th><td>")
                .append(value == null || value.isEmpty() ? "<span class=\"muted\">none</span>" : Html.escape(value))
                .append("</td></tr>\n");
    }
}
