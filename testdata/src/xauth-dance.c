/*
 * The lock dance of libXau's XauLockAuth(), as xauth runs it before it touches an authority file:
 *   access(FILE)                            -> ENOENT: xauth warns that the file does not exist, and goes on,
 *   stat(FILE-c)                            -> ENOENT: no stale creat file to remove,
 *   open(FILE-c, O_WRONLY|O_CREAT|O_EXCL)   -> ok, close,
 *   pathconf(FILE-c, _PC_LINK_MAX)          -> statfs: the file system says it has hard links,
 *   link(FILE-c, FILE-l)                    -> fails (make.sh injects the error with strace -e inject),
 * and xauth reports "error in locking authority file" and exits 1: the message speaks of locking, the cause
 * is the link() that the file system does not support.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define AUTH "/tmp/strace-ls-testdata/xauth/Xauthority"

enum { LOCK_SUCCESS, LOCK_ERROR, LOCK_TIMEOUT };

static int lock_auth(const char *creat_name, const char *link_name)
{
	struct stat statb;
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	int retries = 3, creat_fd = -1;

	if (stat(creat_name, &statb) != -1)
		unlink(creat_name); /* a dead lock left behind (libXau also checks its age) */
	while (retries > 0) {
		if (creat_fd == -1) {
			creat_fd = open(creat_name, O_WRONLY | O_CREAT | O_EXCL, 0600);
			if (creat_fd == -1) {
				if (errno != EACCES && errno != EEXIST)
					return LOCK_ERROR;
			} else
				close(creat_fd);
		}
		if (creat_fd != -1) {
			/* the file system may not support hard links: pathconf should say so */
			if (pathconf(creat_name, _PC_LINK_MAX) == 1)
				return rename(creat_name, link_name) == -1 ? LOCK_ERROR : LOCK_SUCCESS;
			if (link(creat_name, link_name) != -1)
				return LOCK_SUCCESS;
			if (errno == ENOENT) {
				creat_fd = -1;
				continue;
			}
			if (errno != EEXIST)
				return LOCK_ERROR;
		}
		nanosleep(&ts, NULL);
		--retries;
	}
	return LOCK_TIMEOUT;
}

int main(void)
{
	if (access(AUTH, F_OK) != 0)
		fprintf(stderr, "xauth:  file %s does not exist\n", AUTH);
	switch (lock_auth(AUTH "-c", AUTH "-l")) {
	case LOCK_SUCCESS:
		unlink(AUTH "-l");
		unlink(AUTH "-c");
		return 0;
	case LOCK_TIMEOUT:
		fprintf(stderr, "xauth:  timeout in locking authority file %s\n", AUTH);
		return 1;
	default:
		fprintf(stderr, "xauth:  error in locking authority file %s\n", AUTH);
		return 1;
	}
}
