package io.raftvip.reload;

import io.raftvip.admin.AllowList;
import io.raftvip.config.ConfigDiff;
import io.raftvip.config.RaftvipConfig;

/** {@code admin.allow}: who may make changes over the admin TCP listener, from the next call on. */
public final class AllowListSection implements LiveSection {

  private final AllowList allow;

  /** @param allow the list the admin TCP listener checks */
  public AllowListSection(AllowList allow) {
    this.allow = allow;
  }

  @Override
  public String keys() {
    return "admin.allow";
  }

  @Override
  public String apply(ConfigDiff diff, RaftvipConfig next) {
    if (!diff.changed("admin.allow")) {
      return "";
    }
    allow.replace(next.admin().allow());
    return diff.change("admin.allow").orElseThrow().toString();
  }
}
