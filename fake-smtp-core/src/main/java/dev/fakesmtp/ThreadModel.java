package dev.fakesmtp;

/**
 * Which kind of thread serves each connection of a server: one thread per connection either
 * way, blocking I/O on it. Chosen with {@link FakeSmtpServer.Builder#threadModel(ThreadModel)} or,
 * for every server built without that call, the system property
 * {@value FakeSmtpServer#THREAD_MODEL_PROPERTY} ({@code virtual} or {@code platform}).
 *
 * <pre>{@code
 * FakeSmtpServer smtp = FakeSmtpServer.builder().threadModel(ThreadModel.PLATFORM).build().start();
 * }</pre>
 *
 * <p>What the choice costs and buys (the README's performance section has the numbers): on a
 * connection that sends its commands one at a time, a virtual thread parks at every round trip,
 * and the JDK's read poller and a carrier thread must both wake to resume it; a platform thread is
 * woken by the kernel alone, so a long-lived connection answers sooner and uses less CPU per
 * message. But a platform thread is an OS thread started for each connection, which costs more
 * than the round trips it saves when each connection carries one message (Jakarta Mail's
 * {@code Transport.send}), and thousands of open connections need far more memory than on virtual
 * threads. The default suits both kinds of test; {@link #PLATFORM} suits a client that keeps
 * one connection open for many messages.
 */
public enum ThreadModel {

    /**
     * A virtual thread per connection on Java 21+ (a platform thread on Java 17, which has no
     * virtual threads): the default. Cheap to start and to hold, for any number of connections.
     */
    VIRTUAL,

    /**
     * A platform (OS) thread per connection, and for accepting them: faster round trips on a
     * connection that stays open for many messages; slower to open each connection, and each open
     * connection holds an OS thread.
     */
    PLATFORM
}
