/**
 * raftvipctl, the admin CLI: one class per command ({@code StatusCommand}, {@code OwnerCommand},
 * {@code MembersCommand}, {@code MemberAddCommand}, {@code MemberRemoveCommand},
 * {@code TransferCommand}, {@code WatchCommand}), the channel to the admin API
 * ({@code AdminChannels}), argument checks, and the single table of exit codes ({@link
 * io.raftvip.ctl.ExitCode}). It depends on the generated API in {@code io.raftvip.proto.v1} only,
 * never on the server.
 */
package io.raftvip.ctl;
