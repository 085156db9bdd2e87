/*
 * Opens many kinds of file descriptors so that -y / -yy decorations show up:
 * pipe, unix socketpair, named and abstract unix sockets, TCP listen/connect/
 * accept on 127.0.0.1, UDP, TCPv6 (if ::1 exists), netlink, eventfd,
 * signalfd, timerfd, epoll, inotify, memfd, pidfd, /dev/null, a file with an
 * awkward name that is then unlinked ("(deleted)"), and a forked child that
 * talks over the socketpair.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define DIR "/tmp/strace-ls-testdata"
#define PORT 47011

int main(void)
{
	int pp[2], sp[2], one = 1, ls, cs, as, us, u6, nl, efd, sfd, tfd, ep, in, mfd, dn, wf, pfd;
	char buf[16];
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(PORT) };
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6, .sin6_port = htons(PORT + 1) };
	struct sockaddr_un sun = { .sun_family = AF_UNIX, .sun_path = DIR "/sock" };
	struct sockaddr_un sab = { .sun_family = AF_UNIX };
	struct sockaddr_nl snl = { .nl_family = AF_NETLINK };
	socklen_t len;
	sigset_t mask;
	struct epoll_event ev = { .events = EPOLLIN };
	pid_t child;

	pipe(pp);
	socketpair(AF_UNIX, SOCK_STREAM, 0, sp);

	child = fork();
	if (child == 0) {
		close(sp[0]);
		write(sp[1], "ping", 4);
		read(sp[1], buf, sizeof buf);
		write(pp[1], "bye", 3);
		_exit(0);
	}
	close(sp[1]);
	read(sp[0], buf, sizeof buf);
	write(sp[0], "pong", 4);
	read(pp[0], buf, sizeof buf);
	waitpid(child, NULL, 0);

	unlink(DIR "/sock");
	us = socket(AF_UNIX, SOCK_STREAM, 0);
	bind(us, (struct sockaddr *)&sun, sizeof sun);
	listen(us, 1);
	{
		int ab = socket(AF_UNIX, SOCK_STREAM, 0);
		memcpy(sab.sun_path, "\0strace-ls-abstract", 19);
		bind(ab, (struct sockaddr *)&sab, offsetof(struct sockaddr_un, sun_path) + 19);
		close(ab);
	}

	inet_pton(AF_INET, "127.0.0.1", &sin.sin_addr);
	ls = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	bind(ls, (struct sockaddr *)&sin, sizeof sin);
	listen(ls, 1);
	cs = socket(AF_INET, SOCK_STREAM, 0);
	connect(cs, (struct sockaddr *)&sin, sizeof sin);
	len = sizeof sin;
	as = accept(ls, (struct sockaddr *)&sin, &len);
	send(cs, "hi", 2, 0);
	recv(as, buf, sizeof buf, 0);

	u6 = socket(AF_INET6, SOCK_DGRAM, 0);
	inet_pton(AF_INET6, "::1", &sin6.sin6_addr);
	bind(u6, (struct sockaddr *)&sin6, sizeof sin6);

	{
		int ud = socket(AF_INET, SOCK_DGRAM, 0);
		sin.sin_port = htons(PORT + 2);
		connect(ud, (struct sockaddr *)&sin, sizeof sin);
		close(ud);
	}

	nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	bind(nl, (struct sockaddr *)&snl, sizeof snl);

	efd = eventfd(3, EFD_CLOEXEC);
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	sigaddset(&mask, SIGCHLD);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	sfd = signalfd(-1, &mask, SFD_CLOEXEC);
	tfd = timerfd_create(CLOCK_MONOTONIC, 0);
	ep = epoll_create1(0);
	epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev);
	epoll_wait(ep, &ev, 1, 0);
	in = inotify_init1(0);
	inotify_add_watch(in, DIR, IN_CREATE);
	mfd = memfd_create("strace-ls-memfd", MFD_CLOEXEC);
	write(mfd, "memfd", 5);
	dn = open("/dev/null", O_WRONLY);
	write(dn, "discard", 7);
	wf = open(DIR "/we<ird>\n\"na\tme", O_RDWR | O_CREAT | O_TRUNC, 0644);
	unlink(DIR "/we<ird>\n\"na\tme");
	write(wf, "gone", 4);
	fcntl(wf, F_GETFL);

	child = fork();
	if (child == 0)
		_exit(0);
	pfd = syscall(SYS_pidfd_open, child, 0);
	waitpid(child, NULL, 0);
	fcntl(pfd, F_GETFD);

	close(pp[0]); close(pp[1]); close(sp[0]); close(us); close(ls); close(cs);
	close(as); close(u6); close(nl); close(efd); close(sfd); close(tfd);
	close(ep); close(in); close(mfd); close(dn); close(wf); close(pfd);
	unlink(DIR "/sock");
	return 0;
}
