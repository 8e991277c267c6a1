package dev.fakesmtp.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Makes the thread that serves one connection: a virtual thread on Java 21+ (unless the server's
 * {@code ThreadModel} asks for platform threads), a daemon platform thread on Java 17. The choice is made once per JVM through method handles, so one jar
 * (compiled for 17) serves both without a multi-release layout.
 */
public final class ConnectionThreads {

    /** {@code Thread.ofVirtual()} as a handle, or null on a JDK without virtual threads. */
    private static final MethodHandle OF_VIRTUAL;
    /** {@code Thread.Builder.unstarted(Runnable)}, or null. */
    private static final MethodHandle UNSTARTED;

    static {
        MethodHandle ofVirtual = null;
        MethodHandle unstarted = null;
        try {
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtualType = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualType));
            unstarted = lookup.findVirtual(builder, "unstarted", MethodType.methodType(Thread.class, Runnable.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            // Java 17: no virtual threads, platform threads it is.
        }
        OF_VIRTUAL = ofVirtual;
        UNSTARTED = unstarted;
    }

    private ConnectionThreads() {
    }

    /** True when this JVM gives each connection a virtual thread. */
    public static boolean virtual() {
        return OF_VIRTUAL != null;
    }

    /** An unstarted thread named {@code name} that runs {@code task}: virtual when the JVM has them. */
    public static Thread newThread(String name, Runnable task) {
        return newThread(name, task, true);
    }

    /**
     * An unstarted thread named {@code name} that runs {@code task}: a virtual thread when
     * {@code virtual} is true and the JVM has them, else a daemon platform thread.
     */
    public static Thread newThread(String name, Runnable task, boolean virtual) {
        if (virtual && OF_VIRTUAL != null) {
            try {
                Thread thread = (Thread) UNSTARTED.invoke(OF_VIRTUAL.invoke(), task);
                thread.setName(name);
                return thread;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("Cannot create a virtual thread", e);
            }
        }
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
