/*
 * A network client that reports a timeout when the server refused the connection. It resolves localhost
 * (IPv4), sets a send timeout, tries to connect three times with a pause between tries, and then says it
 * "timed out waiting for the server". Nothing listens on the port (loopback only): every connect() fails at
 * once with ECONNREFUSED, and no timeout ever happened.
 */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define HOST "localhost"
#define PORT "9"

int main(void)
{
	struct addrinfo hints, *ai;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_INET;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(HOST, PORT, &hints, &ai) != 0) {
		fprintf(stderr, "net-demo: cannot resolve %s\n", HOST);
		return 2;
	}
	struct timeval tv = { 2, 0 };
	struct timespec pause = { 0, 50 * 1000 * 1000 };
	for (int try = 0; try < 3; try++) {
		int s = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
		if (connect(s, ai->ai_addr, ai->ai_addrlen) == 0) {
			close(s);
			return 0;
		}
		close(s);
		nanosleep(&pause, NULL);
	}
	fprintf(stderr, "net-demo: timed out waiting for the server at %s:%s\n", HOST, PORT);
	return 1;
}
