package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FakeSmtpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers that live exactly as long as one {@link ExtensionContext}: a class's shared servers
 * or a test's own. It sits in that context's store, so JUnit closes it with the context even when
 * a test fails before any callback of ours runs.
 */
// CloseableResource is deprecated since JUnit 5.13 (which closes AutoCloseable values), but JUnit
// 5.10 to 5.12 close only CloseableResource. Newer JUnit closes a value that is both just once.
@SuppressWarnings("deprecation")
final class ServerScope implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    // Class scopes are read by tests running in parallel; adds happen before those tests start.
    private final List<ManagedServer> servers = new CopyOnWriteArrayList<>();
    // Only a test's own scope uses this, and only on the test's thread.
    private final List<ManagedServer> lockedShared = new ArrayList<>();

    /**
     * The managed server for this instance: the one this scope already has, or a newly started
     * one. Atomic, because test classes running in parallel may adopt a shared static server at once.
     */
    synchronized ManagedServer adopt(ServerDeclaration declaration, FakeSmtpServer server) {
        Optional<ManagedServer> existing = find(server);
        if (existing.isPresent()) {
            return existing.get();
        }
        ManagedServer started = ManagedServer.start(declaration, server);
        servers.add(started);
        return started;
    }

    /** Makes a server that its owner closes injectable here; this scope never closes it. */
    synchronized ManagedServer borrow(ServerDeclaration declaration, FakeSmtpServer server) {
        Optional<ManagedServer> existing = find(server);
        if (existing.isPresent()) {
            return existing.get();
        }
        ManagedServer borrowed = ManagedServer.borrowed(declaration, server);
        servers.add(borrowed);
        return borrowed;
    }

    /** The servers in the order they were added. */
    List<ManagedServer> servers() {
        return List.copyOf(servers);
    }

    /** The managed server wrapping exactly this instance, if this scope has it. */
    Optional<ManagedServer> find(FakeSmtpServer server) {
        return servers.stream().filter(managed -> managed.server() == server).findFirst();
    }

    /** Takes a shared server's lock for the current test; {@link #releaseShared()} gives it back. */
    void lockShared(ManagedServer shared) {
        shared.lockForTest();
        lockedShared.add(shared);
    }

    /** Releases the shared servers this test locked, last locked first. */
    void releaseShared() {
        for (int i = lockedShared.size() - 1; i >= 0; i--) {
            lockedShared.remove(i).unlockAfterTest();
        }
    }

    /** Releases any locks still held, then closes every server, newest first. */
    @Override
    public void close() {
        releaseShared();
        List<ManagedServer> all = servers();
        servers.clear();
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).close();
        }
    }
}
