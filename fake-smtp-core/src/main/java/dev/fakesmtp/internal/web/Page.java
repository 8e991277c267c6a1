package dev.fakesmtp.internal.web;

/**
 * The frame every page shares: document head with its Content-Security-Policy, the style sheet,
 * the navigation. The policies keep captured mail from running scripts or loading anything from
 * the network: mail HTML sits in an {@code about:srcdoc} iframe, which inherits the page's policy.
 */
public final class Page {

    /**
     * The viewer's policy (an HTTP header): its own script and event stream, images from itself and
     * {@code data:} URIs, inline styles (mail needs them), nothing remote, no forms, no framing of the viewer.
     */
    public static final String VIEWER_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self';"
            + " img-src 'self' data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none';"
            + " frame-ancestors 'none'";

    /** The viewer's policy after the user asked for a message's remote images: images from anywhere. */
    public static final String VIEWER_POLICY_REMOTE_IMAGES = VIEWER_POLICY.replace("img-src 'self' data:",
            "img-src 'self' data: http: https:");

    /** The report's policy (a meta element, the report is a file): no script at all, nothing remote. */
    public static final String REPORT_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline';"
            + " form-action 'none'; base-uri 'none'";

    private Page() {
    }

    /**
     * A complete HTML document.
     *
     * @param title the title, plain text (escaped here)
     * @param metaPolicy a policy to put into a meta element (for files), or null when it comes as a header
     * @param script the path of a script to load, or null for none
     * @param navigation the navigation bar's HTML, or {@code ""}
     * @param body the body's HTML
     * @return the document
     */
    public static String document(String title, String metaPolicy, String script, String navigation, String body) {
        StringBuilder html = new StringBuilder(body.length() + Styles.CSS.length() + 512);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        if (metaPolicy != null) {
            html.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(Html.escape(metaPolicy))
                    .append("\">\n");
        }
        html.append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>").append(Styles.CSS).append("</style>\n");
        if (script != null) {
            html.append("<script src=\"").append(Html.escape(script)).append("\" defer></script>\n");
        }
        html.append("</head>\n<body>\n").append(navigation).append("<main>\n").append(body)
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }
}
