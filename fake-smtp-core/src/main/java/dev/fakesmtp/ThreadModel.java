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
 * <p>What the choice costs and buys (the README's performance section has the numbers): on one
 * connection that sends its commands one at a time, a virtual thread parks at every round trip,
 * and the JDK's read poller and a carrier thread must both wake to resume it; a platform thread is
 * woken by the kernel alone, so it answers sooner and uses about half the CPU per message. A
 * platform thread costs an OS thread and its stack per connection: thousands of idle connections
 * need far more memory than on virtual threads.
 */
public enum ThreadModel {

    /**
     * A virtual thread per connection on Java 21+ (a platform thread on Java 17, which has no
     * virtual threads): the default. Cheap to start and to hold, for any number of connections.
     */
    VIRTUAL,

    /**
     * A platform (OS) thread per connection, and for accepting them: faster round trips when a
     * few connections talk one command at a time, the way most clients send mail from tests; each
     * open connection holds an OS thread.
     */
    PLATFORM
}
