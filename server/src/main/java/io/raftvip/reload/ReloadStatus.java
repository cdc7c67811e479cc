package io.raftvip.reload;

import com.google.protobuf.Timestamp;
import io.raftvip.proto.v1.ReloadResult;
import io.raftvip.proto.v1.Status;
import java.util.function.Consumer;

/** The last reload as the admin API's status shows it ({@code last_reload_*}). */
public final class ReloadStatus implements Consumer<ReloadOutcome> {

  private volatile ReloadOutcome last;

  @Override
  public void accept(ReloadOutcome outcome) {
    last = outcome;
  }

  /** Adds the last reload to a status being built; nothing when there was none. */
  public void addTo(Status.Builder status) {
    final ReloadOutcome o = last;
    if (o == null) {
      return;
    }
    status.setLastReloadAt(Timestamp.newBuilder().setSeconds(o.at().getEpochSecond()).setNanos(o.at().getNano()))
        .setLastReloadResult(switch (o.result()) {
          case APPLIED -> ReloadResult.RELOAD_APPLIED;
          case PARTIAL -> ReloadResult.RELOAD_PARTIAL;
          case REFUSED -> ReloadResult.RELOAD_REFUSED;
        })
        .setLastReloadMessage(o.message());
  }
}
