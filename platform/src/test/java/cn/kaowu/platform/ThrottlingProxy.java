package cn.kaowu.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy that limits each direction to a bit rate (one token bucket per direction for all connections, as a
 * site's uplink is shared) and can cut the link: every open connection is reset and new ones are refused until it
 * is restored — what a pulled cable or a dropped VPN does to the site's upload. For the {@code site-upload}
 * benchmark ("a throttling proxy on loopback").
 */
public final class ThrottlingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final InetSocketAddress target;

	private final Bucket up;

	private final Bucket down;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private final AtomicLong bytesUp = new AtomicLong();

	public ThrottlingProxy(InetAddress bind, InetSocketAddress target, long bitsPerSecond) throws IOException {
		this.server = new ServerSocket(0, 100, bind);
		this.target = target;
		this.up = new Bucket(bitsPerSecond / 8);
		this.down = new Bucket(bitsPerSecond / 8);
		Thread.ofVirtual().name("proxy-accept").start(this::accept);
	}

	public int port() {
		return server.getLocalPort();
	}

	/** Bytes that went from the client to the target so far. */
	public long bytesUp() {
		return bytesUp.get();
	}

	/** Cuts the link: open connections are reset, new ones refused. */
	public void cut() {
		cut = true;
		for (Socket s : open) {
			try {
				s.setSoLinger(true, 0); // close with RST, as a broken path looks to the sender
				s.close();
			}
			catch (IOException ignored) {
				// already gone
			}
		}
		open.clear();
	}

	public void restore() {
		cut = false;
	}

	@Override
	public void close() throws IOException {
		cut();
		server.close();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				if (cut) {
					client.setSoLinger(true, 0);
					client.close();
					continue;
				}
				Socket upstream = new Socket(target.getAddress(), target.getPort());
				open.add(client);
				open.add(upstream);
				Thread.ofVirtual().start(() -> pump(client, upstream, up, true));
				Thread.ofVirtual().start(() -> pump(upstream, client, down, false));
			}
			catch (IOException e) {
				if (server.isClosed()) {
					return;
				}
			}
		}
	}

	private void pump(Socket from, Socket to, Bucket bucket, boolean upward) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			for (int n; (n = in.read(buffer)) > 0;) {
				bucket.take(n);
				out.write(buffer, 0, n);
				out.flush();
				if (upward) {
					bytesUp.addAndGet(n);
				}
			}
		}
		catch (IOException | InterruptedException e) {
			// the other side closed or the link was cut
		}
		finally {
			open.remove(from);
			open.remove(to);
			try {
				from.close();
				to.close();
			}
			catch (IOException ignored) {
				// closing
			}
		}
	}

	/** Token bucket: {@code rate} bytes per second, bursts of at most 16 KiB. */
	private static final class Bucket {

		private final long rate;

		private double tokens;

		private long last = System.nanoTime();

		Bucket(long rate) {
			this.rate = rate;
		}

		synchronized void take(int n) throws InterruptedException {
			while (true) {
				long now = System.nanoTime();
				tokens = Math.min(16 * 1024, tokens + (now - last) * rate / 1e9);
				last = now;
				if (tokens >= n) {
					tokens -= n;
					return;
				}
				long waitNanos = (long) ((n - tokens) * 1e9 / rate);
				Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
			}
		}
	}
}
