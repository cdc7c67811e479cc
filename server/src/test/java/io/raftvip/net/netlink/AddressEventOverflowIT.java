package io.raftvip.net.netlink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.net.AddressEvent;
import io.raftvip.net.AddressListener;
import io.raftvip.net.BoundAddress;
import io.raftvip.testing.Eventually;
import io.raftvip.testing.Netns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When the kernel drops address events because our socket's buffer overflowed (ENOBUFS), the
 * listener is told to resync: the events it missed could include someone removing our VIP.
 * Provoked for real: the reader is held inside the listener while a burst of 400 address
 * changes fills a minimal receive buffer.
 */
@Tag("netns")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AddressEventOverflowIT {

  private static final String IF = "rvno0";

  private Netns ns;
  private AddressSubscription subscription;

  @AfterEach
  void tearDown() {
    if (subscription != null) {
      subscription.close();
    }
    if (ns != null) {
      ns.close();
    }
  }

  @Test
  void droppedEvents_askTheListenerToResync() throws Exception {
    Netns.requireRootAndNetns();
    Netns.deleteAll("rvn-of-");
    ns = Netns.create("rvn-of-");
    ns.exec("ip", "link", "add", IF, "type", "veth", "peer", "name", "rvno1");
    ns.exec("ip", "link", "set", IF, "up");

    final CountDownLatch firstEventSeen = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger events = new AtomicInteger();
    final AtomicInteger resyncs = new AtomicInteger();
    final AddressListener listener = new AddressListener() {
      @Override
      public void onEvent(AddressEvent event) {
        events.incrementAndGet();
        firstEventSeen.countDown();
        try {
          release.await(); // holds the reader thread: the kernel queues, then drops
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void onResync() {
        resyncs.incrementAndGet();
      }
    };
    final NativeLibC libc = NativeLibC.load();
    // SO_RCVBUF 1: the kernel rounds it up to its minimum, a few KiB, some 20 address events.
    subscription = ns.runIn(() -> AddressSubscription.start(libc, 0,
        m -> new BoundAddress(m.address(), m.prefixLength(), IF, m.ifindex(), false), listener, 1));

    ns.exec("ip", "addr", "add", "10.213.9.1/32", "dev", IF);
    assertTrue(firstEventSeen.await(10, TimeUnit.SECONDS), "the first address event never arrived");

    final StringBuilder batch = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      batch.append("addr add 10.213.").append(10 + i / 200).append('.').append(1 + i % 200)
          .append("/32 dev ").append(IF).append('\n');
    }
    final Path file = Files.createTempFile("rvn-of-", ".batch");
    try {
      Files.writeString(file, batch, StandardCharsets.US_ASCII);
      ns.exec("ip", "-batch", file.toString());
    } finally {
      Files.deleteIfExists(file);
    }
    release.countDown();

    Eventually.until(Duration.ofSeconds(10), () -> resyncs.get() > 0,
        () -> "no resync after 400 changes against a full buffer (" + events.get() + " events delivered)");
    assertTrue(events.get() < 401, "the kernel dropped some of the 401 events: " + events.get() + " delivered");
  }
}
