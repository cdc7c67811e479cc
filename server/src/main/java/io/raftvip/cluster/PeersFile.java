package io.raftvip.cluster;

import io.raftvip.raft.PeerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code peers} of this node's configuration file as they are on disk now. An operator edits
 * the file after {@code member add} without restarting raftvip (peers cannot change live: they only
 * seed a fresh cluster), and the drift the status shows should follow the edit. The file is read
 * again only when its modification time or size changed; a file that does not load leaves the
 * peers of the last good read (at first, those the daemon started with), and says so once.
 */
public final class PeersFile {

  private static final Logger LOG = LoggerFactory.getLogger(PeersFile.class);

  /** Reads the peers of a configuration file; fails when the file does not load. */
  @FunctionalInterface
  public interface Reader {
    /** @return the file's peers */
    List<PeerSpec> read(Path file) throws Exception;
  }

  private final Path file;
  private final Reader reader;
  private List<PeerSpec> peers;
  private String seen;

  /**
   * @param file the configuration file the daemon started from
   * @param started the peers it started with (read from that file at start)
   */
  public PeersFile(Path file, List<PeerSpec> started, Reader reader) {
    this.file = file;
    this.reader = reader;
    this.peers = List.copyOf(started);
    this.seen = stamp();
  }

  /** @return the file, as given */
  public Path file() {
    return file;
  }

  /** @return the file's peers now (re-read if it changed since the last call) */
  public synchronized List<PeerSpec> peers() {
    final String now = stamp();
    if (!now.equals(seen)) {
      seen = now;
      try {
        peers = List.copyOf(reader.read(file));
      } catch (Exception e) {
        LOG.warn("{} changed and does not load now; comparing the Raft membership with its last good peers: {}",
            file, e.getMessage());
      }
    }
    return peers;
  }

  private String stamp() {
    try {
      final BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.lastModifiedTime() + "/" + a.size();
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
