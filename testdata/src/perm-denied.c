/*
 * A program that blames permissions for a directory that is not there. It reads an optional configuration
 * (searched in two places, found in neither), sets up its locale, checks that it can write into its spool
 * directory with access(W_OK) and, whatever access() said, prints "Permission denied" (after looking up a
 * translation of the message, as gettext does). The spool directory's parent exists; the directory does not:
 * access() failed with ENOENT, and the message is wrong.
 */
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define SPOOL "/tmp/strace-ls-testdata/spool/perm-demo"

static void read_config(void)
{
	static const char *places[] = { "/tmp/strace-ls-testdata/run/perm-demo.conf", "/etc/perm-demo/perm-demo.conf" };
	for (unsigned i = 0; i < sizeof places / sizeof places[0]; i++) {
		FILE *f = fopen(places[i], "r");
		if (f) {
			fclose(f);
			return;
		}
	}
}

int main(void)
{
	setlocale(LC_ALL, "");
	read_config();
	if (access(SPOOL, W_OK) != 0) {
		fprintf(stderr, dgettext("perm-demo", "perm-demo: cannot write %s/queue: Permission denied\n"), SPOOL);
		return 1;
	}
	return 0;
}
