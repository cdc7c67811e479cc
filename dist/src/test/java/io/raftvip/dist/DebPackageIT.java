package io.raftvip.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The built .deb as a file: lintian finds no error in it, and the native code inside its
 * architecture-independent jars exists for both architectures raftvip runs on (amd64 and arm64),
 * checked by the ELF header's machine field rather than by file names alone.
 */
@Tag("packaged")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DebPackageIT {

  private static final Path DEB = Path.of(System.getProperty("raftvip.deb", "target/raftvip.deb"));
  private static final Path LIB = Path.of(System.getProperty("raftvip.deb.lib", "target/lib"));
  private static final int EM_X86_64 = 62;
  private static final int EM_AARCH64 = 183;

  @Test
  void lintian_reportsNoErrors() {
    if (!Sh.run(Duration.ofSeconds(10), "sh", "-c", "command -v lintian").ok()) {
      System.err.println("!!!!! SKIPPING DebPackageIT.lintian_reportsNoErrors: lintian not found (apt-get install lintian) !!!!!");
      Assumptions.abort("lintian not found");
    }
    final Sh.Result r = Sh.run(Duration.ofMinutes(2), "lintian", "--allow-root", DEB.toString());
    System.out.println("lintian " + DEB.getFileName() + ":\n" + r.out() + r.err());
    assertTrue(r.out().lines().noneMatch(l -> l.startsWith("E:")), r.out());
    assertTrue(r.exit() == 0 || r.exit() == 2, "lintian ran: exit " + r.exit() + "\n" + r.err());
  }

  /** jffi's stub (jnr-ffi: netlink, sd_notify) and Netty's epoll transport, per architecture. */
  @Test
  void nativeLibraries_existForAmd64AndArm64() throws IOException {
    assertEquals(EM_X86_64, elfMachine("jffi-", "jni/x86_64-Linux/libjffi-1.2.so"));
    assertEquals(EM_AARCH64, elfMachine("jffi-", "jni/aarch64-Linux/libjffi-1.2.so"));
    assertEquals(EM_X86_64, elfMachine("grpc-netty-shaded-",
        "META-INF/native/libio_grpc_netty_shaded_netty_transport_native_epoll_x86_64.so"));
    assertEquals(EM_AARCH64, elfMachine("grpc-netty-shaded-",
        "META-INF/native/libio_grpc_netty_shaded_netty_transport_native_epoll_aarch_64.so"));
  }

  private static int elfMachine(String jarPrefix, String entry) throws IOException {
    final List<Path> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(LIB)) {
      files.filter(f -> f.getFileName().toString().startsWith(jarPrefix)).forEach(jars::add);
    }
    for (Path jar : jars) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        final ZipEntry e = zip.getEntry(entry);
        if (e != null) {
          try (InputStream in = zip.getInputStream(e)) {
            final byte[] header = in.readNBytes(20);
            assertEquals(0x7f, header[0] & 0xff, entry + " is an ELF file");
            assertEquals('E', header[1]);
            return (header[18] & 0xff) | (header[19] & 0xff) << 8; // e_machine, little-endian
          }
        }
      }
    }
    throw new AssertionError(entry + " not found in " + jars);
  }
}
