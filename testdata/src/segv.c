/* Dereferences NULL: killed by SIGSEGV (core dumped if RLIMIT_CORE allows). */
#include <unistd.h>

static int __attribute__((noinline)) deref(volatile int *p) { return *p; }

int main(void)
{
	write(1, "about to crash\n", 15);
	return deref((volatile int *)0);
}
