/*
 * Fd lifetimes for the navigation tests: dup/dup2 over an open fd, fcntl
 * F_DUPFD_CLOEXEC and F_SETFD, reuse of a number after close, a pipe between
 * parent and child, a fork whose child execs with and without close-on-exec
 * fds, a fork without exec, threads sharing the table, an fd passed over a
 * unix socket (SCM_RIGHTS), fds inside poll and select structures,
 * close_range, and a few memory calls (mmap, mprotect, madvise, munmap, brk).
 *
 *   fdlife               the main program
 *   fdlife child FD...   what the exec'd child runs: writes one byte to each FD
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define DIR "/tmp/strace-ls-testdata"

static int thread_fd = -1;

static void *thread_main(void *arg)
{
	(void)arg;
	thread_fd = open(DIR "/fdlife-thread.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(thread_fd, "thread\n", 7);
	return NULL;
}

static void send_fd(int sock, int fd)
{
	char byte = 'f';
	struct iovec iov = { &byte, 1 };
	union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } u;
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf };
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof fd);
	sendmsg(sock, &msg, 0);
}

static int receive_fd(int sock)
{
	char byte;
	int fd = -1;
	struct iovec iov = { &byte, 1 };
	union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } u;
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf };
	if (recvmsg(sock, &msg, 0) > 0 && CMSG_FIRSTHDR(&msg))
		memcpy(&fd, CMSG_DATA(CMSG_FIRSTHDR(&msg)), sizeof fd);
	return fd;
}

int main(int argc, char **argv)
{
	int a, b, c, d, e, r, dd, p[2], sv[2], got, i;
	char buf[64], fdarg[2][16];
	pid_t pid;
	pthread_t t;
	struct pollfd pfd[2];
	fd_set set;
	struct timeval tv = { 0, 0 };
	char *m;

	if (argc > 1 && strcmp(argv[1], "child") == 0) {
		for (i = 2; i < argc; i++)
			write(atoi(argv[i]), "c", 1);
		return 0;
	}

	a = open(DIR "/fdlife-a.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	b = open(DIR "/fdlife-b.txt", O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	write(a, "a", 1);
	write(b, "b", 1);

	/* dup2 over an open fd: c's /dev/null ends, c becomes a copy of a */
	c = open("/dev/null", O_WRONLY);
	write(c, "null", 4);
	dup2(a, c);
	write(c, "c", 1);
	dd = dup(b);
	write(dd, "dd", 2);
	close(dd);

	/* fcntl: a close-on-exec copy at 10 or above, and FD_CLOEXEC set later */
	d = fcntl(a, F_DUPFD_CLOEXEC, 10);
	write(d, "d", 1);
	e = open(DIR "/hello.txt", O_RDONLY);
	fcntl(e, F_SETFD, FD_CLOEXEC);

	/* reuse: b's number comes back for another file */
	close(b);
	r = open(DIR "/hello.txt", O_RDONLY);
	read(r, buf, sizeof buf);

	/* a pipe between parent and child; the child execs with a (inherited) and d, e (close-on-exec) */
	pipe(p);
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		write(p[1], "hi", 2);
		write(d, "before exec", 11);
		snprintf(fdarg[0], sizeof fdarg[0], "%d", a);
		snprintf(fdarg[1], sizeof fdarg[1], "%d", d);
		execl("/proc/self/exe", "fdlife", "child", fdarg[0], fdarg[1], (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	read(p[0], buf, sizeof buf);
	waitpid(pid, NULL, 0);

	/* a fork without exec: the child still has the close-on-exec fds */
	pid = fork();
	if (pid == 0) {
		write(d, "fork", 4);
		read(e, buf, sizeof buf);
		_exit(0);
	}
	waitpid(pid, NULL, 0);

	/* threads share the table: the thread opens, main writes and closes */
	pthread_create(&t, NULL, thread_main, NULL);
	pthread_join(t, NULL);
	write(thread_fd, "main\n", 5);
	close(thread_fd);

	/* an fd passed to a child over a unix socket */
	socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
	pid = fork();
	if (pid == 0) {
		close(sv[0]);
		got = receive_fd(sv[1]);
		write(got, "received", 8);
		close(got);
		_exit(0);
	}
	close(sv[1]);
	send_fd(sv[0], a);
	waitpid(pid, NULL, 0);
	close(sv[0]);

	/* fds inside structures */
	pipe2(p, O_CLOEXEC);
	write(p[1], "x", 1);
	pfd[0].fd = p[0];
	pfd[0].events = POLLIN;
	pfd[1].fd = r;
	pfd[1].events = POLLIN;
	poll(pfd, 2, 0);
	FD_ZERO(&set);
	FD_SET(p[0], &set);
	FD_SET(r, &set);
	select((p[0] > r ? p[0] : r) + 1, &set, NULL, NULL, &tv);

	/* memory: a mapping, a protection change inside it, advice, an unmap of its middle, the break */
	m = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(m + 4096, 4096, PROT_READ);
	madvise(m + 2 * 4096, 4096, MADV_DONTNEED);
	munmap(m + 4096, 4096);
	munmap(m, 4096);
	sbrk(0);
	sbrk(8192);
	sbrk(-4096);

	syscall(SYS_close_range, p[0], p[1], 0);
	close(r);
	close(e);
	close(d);
	close(c);
	close(a);
	return 0;
}
