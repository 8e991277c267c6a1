package dev.fakesmtp.internal.web;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.ReceivedMail;
import java.util.Optional;

/**
 * Where the rendered pages point: the live viewer links to its HTTP endpoints, the report to
 * anchors and to files next to its {@code index.html}. The markup itself is the same for both.
 */
public interface Links {

    /**
     * The page or anchor that shows one message.
     *
     * @param mail the message
     * @return a URL, relative or absolute
     */
    String message(ReceivedMail mail);

    /**
     * The message's raw bytes, as an {@code .eml} download.
     *
     * @param mail the message
     * @return a URL
     */
    String raw(ReceivedMail mail);

    /**
     * One attachment or inline part as a download.
     *
     * @param mail the message
     * @param index the part's index in {@link MessageParts#all(ReceivedMail)}
     * @param part the part
     * @return a URL
     */
    String attachment(ReceivedMail mail, int index, Attachment part);

    /**
     * A session's transcript.
     *
     * @param sessionId the session's id
     * @return a URL
     */
    String session(String sessionId);

    /**
     * The same message page with remote images allowed, where that is possible.
     *
     * @param mail the message
     * @return a URL, or empty when remote images stay blocked (a report file cannot change its policy)
     */
    Optional<String> remoteImages(ReceivedMail mail);
}
