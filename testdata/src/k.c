/* A few nested calls so that -k stack traces have several frames. */
#include <fcntl.h>
#include <unistd.h>

static void __attribute__((noinline)) leaf(const char *msg, int n)
{
	write(1, msg, n);
}

static void __attribute__((noinline)) middle(void)
{
	int fd = open("/nonexistent/k", O_RDONLY);
	if (fd < 0)
		leaf("open failed\n", 12);
	leaf("hello from leaf\n", 16);
}

int main(void)
{
	getpid();
	middle();
	return 0;
}
