/*
 * Busy multi-process / multi-threaded workload for the benchmark trace:
 * the process forks once; parent and child each run NTHREADS threads that
 * write to /dev/null, read /proc/self/stat and nap briefly, so that a
 * -f trace is full of <unfinished ...> / <... resumed> pairs.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NTHREADS 4

static int iters = 80;

static void *worker(void *arg)
{
	long id = (long)arg;
	char buf[256];
	struct timespec nap = { 0, 100 * 1000 };
	int i, dn = open("/dev/null", O_WRONLY | O_CLOEXEC);

	for (i = 0; i < iters; i++) {
		int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
		ssize_t n = read(fd, buf, sizeof buf);
		close(fd);
		n = snprintf(buf, sizeof buf, "worker %ld iteration %d\n", id, i);
		write(dn, buf, (size_t)n);
		if (i % 4 == 0)
			nanosleep(&nap, NULL);
	}
	close(dn);
	return NULL;
}

static void run(long base)
{
	pthread_t t[NTHREADS];
	long i;
	for (i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)(base + i));
	for (i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
}

int main(int argc, char **argv)
{
	pid_t pid;
	if (argc > 1)
		iters = atoi(argv[1]);
	pid = fork();
	if (pid == 0) {
		run(100);
		_exit(0);
	}
	run(0);
	waitpid(pid, NULL, 0);
	return 0;
}
