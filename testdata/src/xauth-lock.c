/*
 * Mimics the lock dance of libXau XauLockAuth() as used by xauth:
 *   open(FILE-c, O_WRONLY|O_CREAT|O_EXCL) -> ok, close,
 *   link(FILE-c, FILE-l)                  -> EEXIST (FILE-l is stale, pre-created by make.sh),
 *   sleep, retry ... then give up: xauth prints a timeout message and exits 1.
 * The real xauth sleeps whole seconds between retries; this one sleeps 20 ms.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define AUTH "/tmp/strace-ls-testdata/xauth/Xauthority"

int main(void)
{
	const char *creat_name = AUTH "-c", *link_name = AUTH "-l";
	int retries = 3, creat_fd = -1;
	struct timespec ts = { 0, 20 * 1000 * 1000 };

	while (retries > 0) {
		if (creat_fd == -1) {
			creat_fd = open(creat_name, O_WRONLY | O_CREAT | O_EXCL, 0600);
			if (creat_fd == -1) {
				if (errno != EACCES && errno != EEXIST)
					goto error;
			} else
				close(creat_fd);
		}
		if (creat_fd != -1) {
			if (link(creat_name, link_name) != -1)
				return 0;
			if (errno == ENOENT) {
				creat_fd = -1;
				continue;
			}
			if (errno != EEXIST)
				goto error;
		}
		nanosleep(&ts, NULL);
		--retries;
	}
	fprintf(stderr, "xauth:  timeout in locking authority file %s\n", AUTH);
	exit(1);
error:
	fprintf(stderr, "xauth:  error in locking authority file %s\n", AUTH);
	exit(1);
}
