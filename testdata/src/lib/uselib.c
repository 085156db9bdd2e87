/* A program linked against libdemo.so.1 (with an rpath), run after the library was removed. */
int demo_answer(void);

int main(void)
{
	return demo_answer() == 42 ? 0 : 1;
}
