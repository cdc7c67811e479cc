package io.raftvip.it;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes the VIP over UDP every few milliseconds from the client namespace and records which
 * node answered when. Node responders answer with their id. Measures what a client sees.
 */
final class ClientProbe implements AutoCloseable {

  /** A reply from {@code node} received at {@code nanos}. */
  record Answer(String node, long nanos) {
  }

  private final DatagramChannel channel;
  private final InetSocketAddress target;
  private final long periodNanos;
  private final List<Answer> answers = new ArrayList<>();
  private final Thread sender;
  private final Thread receiver;
  private volatile boolean running = true;

  /** @param channel a channel opened inside the client namespace */
  ClientProbe(DatagramChannel channel, InetSocketAddress target, long periodMillis) {
    this.channel = channel;
    this.target = target;
    this.periodNanos = periodMillis * 1_000_000;
    this.sender = new Thread(this::send, "probe-send");
    this.receiver = new Thread(this::receive, "probe-receive");
    sender.setDaemon(true);
    receiver.setDaemon(true);
    sender.start();
    receiver.start();
  }

  private void send() {
    final ByteBuffer ping = ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII));
    long next = System.nanoTime();
    while (running) {
      try {
        ping.rewind();
        channel.send(ping, target);
      } catch (Exception e) {
        // No route or no ARP answer yet: that is an unanswered probe, nothing more.
      }
      next += periodNanos;
      final long wait = next - System.nanoTime();
      if (wait > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
    }
  }

  private void receive() {
    final ByteBuffer buf = ByteBuffer.allocate(128);
    while (running) {
      try {
        buf.clear();
        if (channel.receive(buf) != null) {
          buf.flip();
          final String node = StandardCharsets.US_ASCII.decode(buf).toString();
          synchronized (answers) {
            answers.add(new Answer(node, System.nanoTime()));
          }
        }
      } catch (Exception e) {
        if (!running) {
          return;
        }
      }
    }
  }

  /** @return the latest answer, or null when none arrived yet */
  Answer lastAnswer() {
    synchronized (answers) {
      return answers.isEmpty() ? null : answers.get(answers.size() - 1);
    }
  }

  /** @return the node that answered last at or after {@code sinceNanos}, or null */
  String lastAnswerSince(long sinceNanos) {
    synchronized (answers) {
      for (int i = answers.size() - 1; i >= 0; i--) {
        if (answers.get(i).nanos() >= sinceNanos) {
          return answers.get(i).node();
        }
        break;
      }
    }
    return null;
  }

  /** @return when {@code node} first answered at or after {@code sinceNanos} (nanoTime), or -1 */
  long firstAnswerAfter(String node, long sinceNanos) {
    synchronized (answers) {
      for (Answer a : answers) {
        if (a.nanos() >= sinceNanos && a.node().equals(node)) {
          return a.nanos();
        }
      }
    }
    return -1;
  }

  /**
   * @return the longest time without any answer between {@code fromNanos} and the first answer
   *         by a node other than {@code oldOwner} after it (ms), or -1 when none answered yet
   */
  long outageMillis(long fromNanos, String oldOwner) {
    synchronized (answers) {
      long lastAnswer = fromNanos;
      long longest = 0;
      for (Answer a : answers) {
        if (a.nanos() < fromNanos) {
          lastAnswer = a.nanos();
          continue;
        }
        longest = Math.max(longest, a.nanos() - lastAnswer);
        lastAnswer = a.nanos();
        if (!a.node().equals(oldOwner)) {
          return longest / 1_000_000;
        }
      }
    }
    return -1;
  }

  /**
   * @return the longest time (ms) without any answer within {@code [fromNanos, toNanos]}, the
   *         edges included: an answerless window counts as one gap from start to end
   */
  long maxGapMillis(long fromNanos, long toNanos) {
    synchronized (answers) {
      long last = fromNanos;
      long longest = 0;
      for (Answer a : answers) {
        if (a.nanos() < fromNanos || a.nanos() > toNanos) {
          continue;
        }
        longest = Math.max(longest, a.nanos() - last);
        last = a.nanos();
      }
      return Math.max(longest, toNanos - last) / 1_000_000;
    }
  }

  /** @return how many answers arrived within {@code [fromNanos, toNanos]} */
  int answersBetween(long fromNanos, long toNanos) {
    synchronized (answers) {
      return (int) answers.stream().filter(a -> a.nanos() >= fromNanos && a.nanos() <= toNanos).count();
    }
  }

  @Override
  public void close() throws Exception {
    running = false;
    channel.close();
    sender.join(2000);
    receiver.join(2000);
  }
}
