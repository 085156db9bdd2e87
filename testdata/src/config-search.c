/*
 * A configuration search that ends in failure, with a misleading message. The program looks for
 * conf-demo.conf in three places. The first is missing; the second is a directory (someone ran mkdir where
 * touch was meant), so open() succeeds and read() fails with EISDIR; the third is missing. It then reports
 * that it found no configuration file: the message and the last failures speak of missing files, the
 * cause is the read() on the second.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
	static const char *places[] = {
		"./conf-demo.conf",
		"/tmp/strace-ls-testdata/etc/conf-demo.conf",
		"/etc/conf-demo/conf-demo.conf",
	};
	char buf[4096];
	for (unsigned i = 0; i < sizeof places / sizeof places[0]; i++) {
		int fd = open(places[i], O_RDONLY);
		if (fd < 0)
			continue;
		ssize_t n = read(fd, buf, sizeof buf);
		close(fd);
		if (n >= 0)
			return 0; /* parsing would go here */
	}
	fprintf(stderr, "conf-demo: no configuration file found\n");
	return 1;
}
