package io.raftvip.bench.netns;

/** The libc calls needed to move a thread into a network namespace (bound by jnr-ffi). */
public interface LibC {

    /** open(2); @return a file descriptor or -1 with errno set */
    int open(String path, int flags);

    /** setns(2); @return 0 or -1 with errno set */
    int setns(int fd, int nstype);

    /** close(2); @return 0 or -1 with errno set */
    int close(int fd);

    /** strerror(3); @return the message for an errno value */
    String strerror(int errno);
}
