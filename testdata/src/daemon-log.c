/*
 * A daemon that logs to a file, as services do: it points stdin, stdout and stderr at /dev/null, opens its log
 * with O_APPEND, logs that it starts, then cannot create its pid file (the directory is missing) and logs a
 * fatal error there, never on stderr, and exits 1.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define LOG "/tmp/strace-ls-testdata/log/daemon-demo.log"
#define PIDFILE "/tmp/strace-ls-testdata/run/daemon-demo.d/daemon.pid"

static void say(int fd, const char *s)
{
	write(fd, s, strlen(s));
}

int main(void)
{
	int null = open("/dev/null", O_RDWR);
	dup2(null, 0);
	dup2(null, 1);
	dup2(null, 2);
	close(null);
	int log = open(LOG, O_WRONLY | O_CREAT | O_APPEND, 0644);
	say(log, "daemon-demo: starting\n");
	int pid = open(PIDFILE, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (pid < 0) {
		say(log, "daemon-demo: fatal: cannot start, see the documentation\n");
		return 1;
	}
	close(pid);
	return 0;
}
