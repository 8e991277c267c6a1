package dev.fakesmtp.internal.web;

import dev.fakesmtp.Attachment;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a mail's HTML body into the {@code srcdoc} of a sandboxed iframe: images the mail embeds
 * ({@code cid:} references, RFC 2392) become {@code data:} URIs, since an {@code about:srcdoc}
 * document cannot resolve them, and links open in a new tab instead of inside the frame.
 */
public final class HtmlBody {

    /** Larger images are offered as downloads only, so a page stays a reasonable size. */
    static final int MAX_INLINE_IMAGE = 5 * 1024 * 1024;

    /** Raster types a browser shows without running anything; SVG (which can hold script) is not one. */
    private static final Set<String> SAFE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/bmp", "image/x-icon", "image/vnd.microsoft.icon", "image/avif");

    private static final Pattern CID = Pattern.compile("(?i)cid:([^\"'\\s<>()]+)");
    private static final Pattern DOCTYPE = Pattern.compile("(?is)^\\s*<!doctype[^>]*>");

    private HtmlBody() {
    }

    /**
     * The document to put, escaped, into the iframe's {@code srcdoc}.
     *
     * @param html the mail's HTML body
     * @param parts the mail's inline parts and attachments (looked up by Content-ID)
     * @return the HTML with embedded images as {@code data:} URIs and a {@code <base target="_blank">}
     */
    public static String srcdoc(String html, List<Attachment> parts) {
        Map<String, String> images = new HashMap<>();
        for (Attachment part : parts) {
            if (part.contentId().isPresent() && showable(part)) {
                images.putIfAbsent(part.contentId().get().toLowerCase(Locale.ROOT),
                        Html.dataUri(part.contentType(), part.content()));
            }
        }
        String withImages = images.isEmpty() ? html : replaceCids(html, images);
        Matcher doctype = DOCTYPE.matcher(withImages);
        // After a doctype, so that the mail keeps the rendering mode it asked for.
        int at = doctype.find() ? doctype.end() : 0;
        return withImages.substring(0, at) + "<base target=\"_blank\">" + withImages.substring(at);
    }

    /**
     * Whether a part is an image the pages may show inline.
     *
     * @param part the part
     * @return true for a safe raster image type no larger than the inline limit
     */
    public static boolean showable(Attachment part) {
        return SAFE_IMAGES.contains(part.contentType()) && part.size() <= MAX_INLINE_IMAGE;
    }

    private static String replaceCids(String html, Map<String, String> images) {
        Matcher matcher = CID.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (matcher.find()) {
            String image = images.get(decode(matcher.group(1)).toLowerCase(Locale.ROOT));
            matcher.appendReplacement(out, Matcher.quoteReplacement(image == null ? matcher.group() : image));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A {@code cid:} URL's id, %-decoded as RFC 2392 asks; a malformed escape is kept as written. */
    private static String decode(String id) {
        try {
            return URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return id;
        }
    }
}
