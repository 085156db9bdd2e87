/*
 * Signal delivery forms:
 *  1. SIGALRM (setitimer) interrupts read() on an empty pipe, handler without
 *     SA_RESTART: read = ? ERESTARTSYS, --- SIGALRM ---, rt_sigreturn = -1 EINTR.
 *  2. same with SA_RESTART: read is re-issued and gets the byte the handler wrote.
 *  3. pause(): ERESTARTNOHAND.
 *  4. SIGCHLD (default action) interrupts clock_nanosleep:
 *     ERESTART_RESTARTBLOCK then restart_syscall(<... resuming interrupted ...>).
 *  5. kill (SI_USER), tgkill (SI_TKILL), sigqueue (SI_QUEUE), POSIX timer (SI_TIMER).
 *  6. raise(SIGSTOP): "--- stopped by SIGSTOP ---", then SIGCONT from a child.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int p[2];

static void on_alrm(int sig)
{
	(void)sig;
	write(p[1], "x", 1);
}

static void on_usr(int sig) { (void)sig; }

static void handle(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigaction(sig, &sa, NULL);
}

static void arm(long usec)
{
	struct itimerval it = { { 0, 0 }, { 0, usec } };
	setitimer(ITIMER_REAL, &it, NULL);
}

int main(void)
{
	char c;
	pid_t pid;
	struct timespec ts = { 0, 300 * 1000 * 1000 };

	pipe(p);

	handle(SIGALRM, on_alrm, 0);		/* 1 */
	arm(50000);
	read(p[0], &c, 1);
	read(p[0], &c, 1);			/* drain the handler's byte */

	handle(SIGALRM, on_alrm, SA_RESTART);	/* 2 */
	arm(50000);
	read(p[0], &c, 1);

	arm(50000);				/* 3 */
	pause();
	read(p[0], &c, 1);

	pid = fork();				/* 4 */
	if (pid == 0) {
		usleep(50 * 1000);
		_exit(7);
	}
	nanosleep(&ts, NULL);
	waitpid(pid, NULL, 0);

	handle(SIGUSR1, on_usr, 0);		/* 5 */
	handle(SIGUSR2, on_usr, 0);
	kill(getpid(), SIGUSR1);
	syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR2);
	sigqueue(getpid(), SIGUSR1, (union sigval){ .sival_int = 42 });
	{
		timer_t tid;
		struct sigevent sev;
		struct itimerspec its = { { 0, 0 }, { 0, 20 * 1000 * 1000 } };
		memset(&sev, 0, sizeof sev);
		sev.sigev_notify = SIGEV_SIGNAL;
		sev.sigev_signo = SIGUSR2;
		timer_create(CLOCK_MONOTONIC, &sev, &tid);
		timer_settime(tid, 0, &its, NULL);
		pause();
	}

	pid = fork();				/* 6 */
	if (pid == 0) {
		usleep(100 * 1000);
		kill(getppid(), SIGCONT);
		_exit(0);
	}
	raise(SIGSTOP);
	waitpid(pid, NULL, 0);
	return 0;
}
