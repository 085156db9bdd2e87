/* The shared library libdemo.so.1, removed after uselib is linked against it (make.sh). */
int demo_answer(void)
{
	return 42;
}
