package dev.fakesmtp.internal.command;

import dev.fakesmtp.internal.ServerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Looks up VRFY's users and EXPN's mailing lists in the server's settings. */
final class Directory {

    private Directory() {
    }

    /** The argument without surrounding angle brackets. */
    static String unbracket(String argument) {
        String trimmed = argument.strip();
        return trimmed.startsWith("<") && trimmed.endsWith(">") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    /**
     * The users matching a VRFY query: those whose address or local part is the query (ignoring
     * case); only when there is none, those whose name contains it. So {@code VRFY bob} finds
     * bob@example.com even when another user is called Jim Bobson.
     */
    static List<String> matchingUsers(ServerSettings settings, String query) {
        String wanted = query.toLowerCase(Locale.ROOT);
        List<String> exact = new ArrayList<>();
        List<String> byName = new ArrayList<>();
        for (Map.Entry<String, String> user : settings.users().entrySet()) {
            String address = user.getKey().toLowerCase(Locale.ROOT);
            String localPart = address.substring(0, address.lastIndexOf('@'));
            if (address.equals(wanted) || localPart.equals(wanted)) {
                exact.add(display(user.getValue(), user.getKey()));
            } else if (user.getValue().toLowerCase(Locale.ROOT).contains(wanted)) {
                byName.add(display(user.getValue(), user.getKey()));
            }
        }
        List<String> matches = exact.isEmpty() ? byName : exact;
        matches.sort(null);
        return matches;
    }

    /** The members of the named list, if there is one (names compared ignoring case). */
    static Optional<List<String>> mailingList(ServerSettings settings, String name) {
        return settings.mailingLists().entrySet().stream()
                .filter(list -> list.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** {@code "Full Name <address>"}, or {@code "<address>"} when the address is no known user. */
    static String member(ServerSettings settings, String address) {
        return settings.users().entrySet().stream()
                .filter(user -> user.getKey().equalsIgnoreCase(address))
                .map(user -> display(user.getValue(), user.getKey()))
                .findFirst()
                .orElse("<" + address + ">");
    }

    private static String display(String name, String address) {
        return name.isEmpty() ? "<" + address + ">" : name + " <" + address + ">";
    }
}
