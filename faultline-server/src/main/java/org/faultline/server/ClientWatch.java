package org.faultline.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Tells whether the client of a request whose body has been read has closed its connection. Jetty reads nothing
 * from a connection while its request is handled, so it would notice only when the answer is written; this watch
 * asks the connection to report when it becomes readable and then reads: end of stream means the client has gone.
 * Bytes that do arrive (a request pipelined behind this one) cannot be handed back to Jetty, so the connection is
 * then closed after the answer. {@link #close()} withdraws the read interest before the answer is written.
 * Not thread-safe beyond {@link #gone()}, which any thread may call.
 */
final class ClientWatch implements AutoCloseable {
    private final Context ctx;
    private final EndPoint end;
    private final AtomicBoolean gone = new AtomicBoolean();
    private final AtomicBoolean pipelined = new AtomicBoolean();
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final Callback readable = Callback.from(this::onReadable, t -> waiting.set(false));

    ClientWatch(Context ctx) {
        this.ctx = ctx;
        ServletContextRequest r = ServletContextRequest.getServletContextRequest(ctx.req());
        this.end = r == null ? null : r.getConnectionMetaData().getConnection().getEndPoint();
        if (r != null) {
            r.addFailureListener(t -> gone.set(true));
            listen();
        }
    }

    /** True once the client has closed its connection (or Jetty saw the connection fail). */
    boolean gone() {
        return gone.get() || (end != null && !end.isOpen());
    }

    private void listen() {
        waiting.set(true);
        if (!end.tryFillInterested(readable)) {
            waiting.set(false);
        }
    }

    private void onReadable() {
        waiting.set(false);
        try {
            ByteBuffer one = BufferUtil.allocate(1);
            int n = end.fill(one);
            if (n < 0) {
                gone.set(true);
            } else if (n > 0) {
                pipelined.set(true);
            } else {
                listen();
            }
        } catch (IOException e) {
            gone.set(true);
        }
    }

    @Override
    public void close() {
        if (end instanceof AbstractEndPoint a && waiting.get()) {
            // fails (and so removes) our read interest, so that Jetty can read the next request itself
            a.getFillInterest().onFail(new CancellationException("the answer is ready"));
        }
        if (pipelined.get()) {
            ctx.header("Connection", "close");
        }
    }
}
