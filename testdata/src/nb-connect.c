/*
 * A client that connects without blocking, as event loops do: connect() says EINPROGRESS, poll() says the
 * socket is ready, and only getsockopt(SO_ERROR) tells that the connection was refused. It then reports a
 * vague "server not available" and exits 1. Nothing listens on 127.0.0.1:9.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(9);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(s, (struct sockaddr *) &a, sizeof a) != 0) {
		struct pollfd p = { s, POLLOUT, 0 };
		poll(&p, 1, 1000);
		int err = 0;
		socklen_t len = sizeof err;
		getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len);
		if (err != 0) {
			fprintf(stderr, "nb-demo: server not available, giving up\n");
			return 1;
		}
	}
	close(s);
	return 0;
}
