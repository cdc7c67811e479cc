package io.raftvip.dist;

import java.util.ArrayList;
import java.util.List;

/** Decodes the capability masks of {@code /proc/PID/status} (linux/capability.h numbering). */
final class Capabilities {

  private static final List<String> NAMES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH",
      "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
      "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK",
      "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT",
      "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG",
      "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE",
      "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON",
      "CAP_BPF", "CAP_CHECKPOINT_RESTORE");

  private Capabilities() {
  }

  static long of(String... names) {
    long mask = 0;
    for (String n : names) {
      final int bit = NAMES.indexOf(n);
      if (bit < 0) {
        throw new IllegalArgumentException("unknown capability " + n);
      }
      mask |= 1L << bit;
    }
    return mask;
  }

  static List<String> names(long mask) {
    final List<String> names = new ArrayList<>();
    for (int bit = 0; bit < 64; bit++) {
      if ((mask & (1L << bit)) != 0) {
        names.add(bit < NAMES.size() ? NAMES.get(bit) : "cap_" + bit);
      }
    }
    return names;
  }
}
