/*
 * Unusual syscall entries from a 64-bit program:
 *  - i386 syscalls via "int $0x80" (strace switches to 32-bit personality and
 *    prints "[ Process PID=N runs in 32 bit mode. ]" unless quieted),
 *  - an x32-flagged syscall number (bit 30 set; x32 mode line),
 *  - an unknown syscall number (printed as syscall_0x1f4(...)).
 */
#include <unistd.h>
#include <sys/syscall.h>

static const char msg[] = "int80 write\n";

static long int80(long nr, long a, long b, long c)
{
	long ret;
	__asm__ volatile ("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return ret;
}

int main(void)
{
	getpid();
	int80(20, 0, 0, 0);				/* i386 getpid */
	int80(4, 1, (long)msg, sizeof msg - 1);		/* i386 write */
	getppid();					/* back to 64-bit */
	syscall(0x40000000 | 39);			/* x32 getpid */
	getpid();
	syscall(500, 1, 2, 3, 0, 0, 1220);		/* unknown */
	return 0;
}
