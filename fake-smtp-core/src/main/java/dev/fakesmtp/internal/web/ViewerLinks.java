package dev.fakesmtp.internal.web;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.ReceivedMail;
import java.util.Optional;

/** The live viewer's {@link Links}: its own pages and {@code /api/} endpoints. */
final class ViewerLinks implements Links {

    @Override
    public String message(ReceivedMail mail) {
        return "/messages/" + MessageParts.id(mail);
    }

    @Override
    public String raw(ReceivedMail mail) {
        return "/api/messages/" + MessageParts.id(mail) + "/raw";
    }

    @Override
    public String attachment(ReceivedMail mail, int index, Attachment part) {
        return "/api/messages/" + MessageParts.id(mail) + "/attachments/" + index;
    }

    @Override
    public String session(String sessionId) {
        return "/sessions#session-" + sessionId;
    }

    @Override
    public Optional<String> remoteImages(ReceivedMail mail) {
        return Optional.of(message(mail) + "?images=remote");
    }
}
