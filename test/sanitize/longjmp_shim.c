/*
 * longjmp_shim.c
 *		Preloaded into the server by `make sanitize` only: tells ASan about
 *		every siglongjmp, as its own interceptor would.
 *
 * PostgreSQL raises an ERROR by siglongjmp (__longjmp_chk in Debian's
 * fortified build) out of the frames between the ereport and the PG_TRY or
 * sigsetjmp that catches it.  The frames of our instrumented code among them
 * never run their epilogue, so their redzones stay poisoned in ASan's shadow
 * memory; gcc's prologue poisons only the redzones of a new frame and takes
 * the rest as clean, so a later frame on the same stack addresses reports a
 * "stack-buffer-overflow" on its own local array.  ASan's interceptor of
 * longjmp clears the shadow of the abandoned frames (__asan_handle_no_return),
 * but the server binds its calls to glibc, which comes before the runtime
 * (loaded with the extension, not preloaded: doc/development.md).  This shim
 * comes first, clears the shadow when the runtime is loaded, and jumps
 * through glibc.  It needs nothing but libc, so preloading it does not run
 * into the hang that preloading libasan does.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <setjmp.h>
#include <stddef.h>

typedef void (*jump_fn) (struct __jmp_buf_tag *env, int val);

void		__longjmp_chk(struct __jmp_buf_tag *env, int val);

/* ASan's "the stack is being unwound", once the runtime is there */
static void
shim_forget_frames(void)
{
	static void (*handle_no_return) (void) = NULL;

	if (handle_no_return == NULL)
		handle_no_return = (void (*) (void)) dlsym(RTLD_DEFAULT, "__asan_handle_no_return");
	if (handle_no_return != NULL)
		handle_no_return();
}

void
__longjmp_chk(struct __jmp_buf_tag *env, int val)
{
	static jump_fn real = NULL;

	if (real == NULL)
		real = (jump_fn) dlsym(RTLD_NEXT, "__longjmp_chk");
	shim_forget_frames();
	real(env, val);
	__builtin_unreachable();
}

void
siglongjmp(sigjmp_buf env, int val)
{
	static jump_fn real = NULL;

	if (real == NULL)
		real = (jump_fn) dlsym(RTLD_NEXT, "siglongjmp");
	shim_forget_frames();
	real(env, val);
	__builtin_unreachable();
}
