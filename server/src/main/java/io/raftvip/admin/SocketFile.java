package io.raftvip.admin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin socket's place in the file system: a parent directory that outsiders cannot enter
 * (0750 when we create it), no file left over from a dead process, mode 0660 once bound (group
 * members may administer the node; never world-writable), and no file left behind on close.
 */
final class SocketFile {

  private static final Logger LOG = LoggerFactory.getLogger(SocketFile.class);
  private static final Set<PosixFilePermission> DIR_MODE =
      PosixFilePermissions.fromString("rwxr-x---");
  private static final Set<PosixFilePermission> SOCKET_MODE =
      PosixFilePermissions.fromString("rw-rw----");
  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;

  private final Path path;

  SocketFile(Path path) {
    this.path = path.toAbsolutePath().normalize();
  }

  Path path() {
    return path;
  }

  /**
   * Creates missing parent directories (0750) and removes a stale socket. Refuses a path held by
   * a live server or by something that is not a socket.
   */
  void prepare() throws IOException {
    createParents();
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    if ((mode & S_IFMT) != S_IFSOCK) {
      throw new IOException("admin socket " + path + " exists and is not a socket; refusing to"
          + " replace it (remove it or set admin.socket to another path)");
    }
    if (answers()) {
      throw new IOException("admin socket " + path + " is in use: another admin server answers"
          + " on it; stop that raftvip first or set admin.socket to another path");
    }
    LOG.warn("admin: removing stale socket {} left by a process that is gone", path);
    Files.delete(path);
  }

  /** Sets mode 0660; called right after bind, before any client could rely on the file. */
  void restrict() throws IOException {
    Files.setPosixFilePermissions(path, SOCKET_MODE);
  }

  /** Removes the socket file; a failure is logged, not thrown, as this runs during shutdown. */
  void remove() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("admin: could not remove socket {}: {}", path, e.toString());
    }
  }

  private boolean answers() throws IOException {
    try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      return true;
    } catch (ConnectException refused) {
      return false; // ECONNREFUSED: nobody listens, the file is stale
    } catch (IOException e) {
      throw new IOException("admin socket " + path + ": cannot tell whether it is in use: " + e, e);
    }
  }

  private void createParents() throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    Path dir = path.getParent();
    while (dir != null && !Files.isDirectory(dir)) {
      missing.push(dir);
      dir = dir.getParent();
    }
    while (!missing.isEmpty()) {
      Path created = Files.createDirectory(missing.pop());
      // Set explicitly: a mode given at creation is narrowed by the umask.
      Files.setPosixFilePermissions(created, DIR_MODE);
      LOG.info("admin: created socket directory {} (mode 0750)", created);
    }
  }
}
