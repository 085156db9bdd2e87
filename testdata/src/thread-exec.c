/* A non-leader thread calls execve while the leader is blocked:
 * strace prints "+++ superseded by execve in pid N +++". */
#include <pthread.h>
#include <unistd.h>

extern char **environ;

static void *thr(void *arg)
{
	char *argv[] = { "true", NULL };
	(void)arg;
	usleep(50 * 1000);
	execve("/bin/true", argv, environ);
	return NULL;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, thr, NULL);
	pthread_join(t, NULL);	/* never returns: the thread execs */
	return 3;
}
