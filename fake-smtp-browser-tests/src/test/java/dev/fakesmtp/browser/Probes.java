package dev.fakesmtp.browser;

import dev.fakesmtp.browser.support.RemoteSite;

/** Mail HTML that would do harm if the viewer let it: each effect calls the remote site, so a test sees it. */
final class Probes {

    private Probes() {
    }

    /** A script and an event handler that mark the page and call the remote site when they run. */
    static String scripts(RemoteSite remote) {
        return "<!DOCTYPE html><html><head><title>probe</title></head><body><h1>Hostile mail</h1>"
                + "<script>document.body.setAttribute('data-script-ran', 'yes');"
                + "new Image().src = '" + remote.url("script-ran") + "';"
                + "try { parent.document.title = 'pwned'; } catch (e) {}</script>"
                + "<img src=\"data:,\" alt=\"\" onerror=\"document.body.setAttribute('data-onerror-ran', 'yes');"
                + "new Image().src = '" + remote.url("onerror-ran") + "';\">"
                + "</body></html>";
    }

    /** Remote images (an element, a CSS background) and a remote style sheet: a tracking mail. */
    static String remoteContent(RemoteSite remote) {
        return "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"" + remote.url("style.css") + "\"></head>"
                + "<body><h1>Tracked</h1><img src=\"" + remote.url("pixel.gif") + "\" width=\"1\" height=\"1\" alt=\"\">"
                + "<div style=\"width:10px;height:10px;background:url('" + remote.url("background.gif") + "')\"></div>"
                + "</body></html>";
    }
}
