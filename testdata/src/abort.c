/*
 * A program that looks for an optional file (it is not there, and that is fine), then finds its state
 * inconsistent and calls abort(): it kills itself with SIGABRT, saying nothing.
 */
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
	if (access("/tmp/strace-ls-testdata/run/abort-demo.conf", R_OK) != 0) {
		/* optional: defaults apply */
	}
	volatile int state = 3;
	if (state != 2)
		abort();
	return 0;
}
