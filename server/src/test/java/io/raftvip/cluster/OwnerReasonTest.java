package io.raftvip.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raftvip.raft.OwnerNote;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which note explains the current owner, and which is history. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class OwnerReasonTest {

  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
  private static final OwnerNote TRANSFER = new OwnerNote("n1", "n2", "transfer requested", AT, true);
  private final StatusAssembler assembler = new StatusAssembler("c", "n1", List.of(), 900, false);

  private static Observation ownedBy(String owner, long sinceMillis, OwnerNote note) {
    return new Observation(owner, sinceMillis, owner, 3, false, true, List.of(), null, Map.of(), note, null, null);
  }

  @Test
  void aNoteExplainsTheOwnershipItLedTo() {
    assertEquals("moved from n1: transfer requested",
        assembler.ownerReason(ownedBy("n2", AT.toEpochMilli() + 300, TRANSFER)));
  }

  @Test
  void anOldNoteDoesNotExplainALaterOwnership_byAFailoverOrARemoval() {
    assertEquals("Raft leader", assembler.ownerReason(ownedBy("n2", AT.plusSeconds(600).toEpochMilli(), TRANSFER)));
  }

  @Test
  void aNoteForAnotherNode_orWithoutOwner_explainsNothing() {
    assertEquals("Raft leader", assembler.ownerReason(ownedBy("n3", AT.toEpochMilli() + 300, TRANSFER)));
    assertEquals("", assembler.ownerReason(ownedBy("", 0, TRANSFER)));
  }
}
