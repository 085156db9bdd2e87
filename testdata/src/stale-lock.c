/*
 * A program that waits for a lock file that a crashed run left behind. It tries to create LOCK with
 * O_CREAT|O_EXCL every 0.5 s and never gives up: every try fails with EEXIST. It says nothing; whoever runs it
 * under `timeout` sees only exit status 124.
 */
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#define LOCK "/tmp/strace-ls-testdata/run/stale.lock"

int main(void)
{
	struct timespec pause = { 0, 500 * 1000 * 1000 };
	for (;;) {
		int fd = open(LOCK, O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd >= 0) {
			close(fd);
			unlink(LOCK);
			return 0;
		}
		nanosleep(&pause, NULL);
	}
}
