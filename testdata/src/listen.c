/*
 * A server that takes a loopback TCP port: listen PORT [SECONDS]. It binds 127.0.0.1:PORT, listens, holds the
 * port for SECONDS (default 0) and closes it. When the port is taken, bind() fails with EADDRINUSE and it says
 * so and exits 1. make.sh runs it once with the port free and once while another copy holds it.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: listen PORT [SECONDS]\n");
		return 2;
	}
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short)atoi(argv[1]));
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0) {
		perror("listen: socket");
		return 1;
	}
	if (bind(s, (struct sockaddr *)&a, sizeof a) != 0) {
		perror("listen: cannot bind 127.0.0.1");
		return 1;
	}
	if (listen(s, 1) != 0) {
		perror("listen: listen");
		return 1;
	}
	if (argc > 2)
		sleep((unsigned)atoi(argv[2]));
	close(s);
	return 0;
}
