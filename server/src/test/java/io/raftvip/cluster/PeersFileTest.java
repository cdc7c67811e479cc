package io.raftvip.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raftvip.raft.PeerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The drift follows the file on disk: an edit counts without a restart; a broken edit keeps the last good peers. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PeersFileTest {

  @TempDir
  Path dir;

  private final List<Path> reads = new ArrayList<>();

  /** A "config" that is one peer id per line; "broken" does not load. */
  private List<PeerSpec> read(Path file) throws Exception {
    reads.add(file);
    final String text = Files.readString(file);
    if (text.contains("broken")) {
      throw new IllegalArgumentException("peers[1]: not a mapping");
    }
    return text.lines().map(id -> new PeerSpec(id, id + ":7420", 0)).toList();
  }

  private static void write(Path file, String text, long mtimeSeconds) throws Exception {
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.from(mtimeSeconds, TimeUnit.SECONDS));
  }

  private static List<String> ids(List<PeerSpec> peers) {
    return peers.stream().map(PeerSpec::id).toList();
  }

  @Test
  void unchangedFile_isNotReadAgain_anEditIs_aBrokenEditKeepsTheLastGoodPeers() throws Exception {
    final Path file = dir.resolve("raftvip.yaml");
    write(file, "n1\nn2\nn3", 1000);
    final PeersFile peers = new PeersFile(file, List.of(new PeerSpec("n1", "n1:7420", 0),
        new PeerSpec("n2", "n2:7420", 0), new PeerSpec("n3", "n3:7420", 0)), this::read);
    assertEquals(Arrays.asList("n1", "n2", "n3"), ids(peers.peers()));
    assertEquals(List.of(), reads, "the peers it started with are the file's");

    write(file, "n1\nn2\nn3\nn4", 2000);
    assertEquals(List.of("n1", "n2", "n3", "n4"), ids(peers.peers()));
    assertEquals(List.of("n1", "n2", "n3", "n4"), ids(peers.peers()));
    assertEquals(1, reads.size(), "read once per change");

    write(file, "n1\nbroken", 3000);
    assertEquals(List.of("n1", "n2", "n3", "n4"), ids(peers.peers()));
    assertEquals(file, peers.file());
  }
}
