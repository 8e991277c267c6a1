package dev.fakesmtp.internal;

import dev.fakesmtp.internal.command.CommandHandlers;
import dev.fakesmtp.internal.rules.RuleSet;

/**
 * What every session of a server shares.
 *
 * @param settings the server's configuration
 * @param mailbox where captured mail goes
 * @param handlers the command handlers
 * @param rules the failure rules
 * @param watchdog the bound on blocking writes and handshakes
 * @param recentValues the addresses and recipients of the latest transactions, shared by repeats
 */
record SessionServices(ServerSettings settings, MailboxImpl mailbox, CommandHandlers handlers, RuleSet rules,
                       Watchdog watchdog, RecentValues recentValues) {
}
