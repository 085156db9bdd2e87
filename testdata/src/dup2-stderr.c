/*
 * A program that sends its own stderr to a file with dup2() before it works, then fails to read its settings
 * (the file is missing) and says so on fd 2, which is now the file: still its error output.
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	int f = open("/tmp/strace-ls-testdata/run/dup2-errors.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	dup2(f, 2);
	close(f);
	int s = open("/tmp/strace-ls-testdata/run/dup2-demo/settings.ini", O_RDONLY);
	if (s < 0) {
		fprintf(stderr, "dup2-demo: could not load settings\n");
		return 1;
	}
	close(s);
	return 0;
}
