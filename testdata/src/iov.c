/* readv/writev and plain read/write for -e read=/-e write= hex dumps. */
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	char a[8], b[12];
	struct iovec out[] = {
		{ "hello, ", 7 }, { "vectored\tworld\n", 15 }, { "\0\1\2\3\377", 5 },
	};
	struct iovec in[] = { { a, sizeof a }, { b, sizeof b } };

	pipe(p);
	writev(p[1], out, 3);
	readv(p[0], in, 2);
	write(1, "binary:\0\1\2\3\n", 12);
	writev(1, out, 2);
	return 0;
}
