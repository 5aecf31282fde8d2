/*
 * rcon-init: the container's PID 1 with `--init` (see init.rs).
 *
 * A static executable without libc, a few kilobytes, that the container's
 * first process execs from a sealed memfd once it has forked the command:
 * nothing of the host rcon (its memory, environment, arguments, binary)
 * stays in PID 1. argv is { "rcon-init", COMMAND_PID }; every signal
 * arrives blocked (the mask survives execve). It forwards each signal it
 * gets to the command, reaps every child (orphans are re-parented to it),
 * and exits with the command's status (128+N when killed by signal N).
 *
 * Without a command (argv is { "/pause" }) it is rcon's pause program, a
 * pod's infra container: it holds the namespaces, reaps every child and
 * exits 0 on SIGTERM or SIGINT, as Kubernetes' pause does.
 *
 * build.rs compiles it with -nostdlib -static; system calls are made
 * directly, for the architectures below.
 */
#include <asm/signal.h>
#include <asm/unistd.h>
#include <linux/wait.h>

/* _start: the stack pointer (argc, then argv) to start(), on an aligned
 * stack; and one system call with up to four arguments. */
#if defined(__x86_64__)
#define START_CODE "xor %ebp, %ebp; mov %rsp, %rdi; and $-16, %rsp; call start; hlt"

static long sys4(long number, long a, long b, long c, long d)
{
    register long r10 __asm__("r10") = d;
    long result;
    __asm__ volatile("syscall"
                     : "=a"(result)
                     : "a"(number), "D"(a), "S"(b), "d"(c), "r"(r10)
                     : "rcx", "r11", "memory");
    return result;
}
#elif defined(__aarch64__)
#define START_CODE "mov x29, #0; mov x30, #0; mov x0, sp; bl start"

static long sys4(long number, long a, long b, long c, long d)
{
    register long x8 __asm__("x8") = number;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    register long x3 __asm__("x3") = d;
    __asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3) : "memory");
    return x0;
}
#else
#error "rcon-init: no system call convention for this architecture (build.rs skips it)"
#endif

__asm__(".text\n.global _start\n_start:\n" START_CODE "\n");

/* The kernel's sigset_t on these architectures: 64 bits. */
#define SIGSET_SIZE 8

static __attribute__((noreturn)) void exit_with(long code)
{
    for (;;)
        sys4(__NR_exit_group, code, 0, 0, 0);
}

/* The command's PID, from its decimal argument (0 when malformed). */
static long parse_pid(const char *text)
{
    long pid = 0;
    for (; text && *text; text++) {
        if (*text < '0' || *text > '9')
            return 0;
        pid = pid * 10 + (*text - '0');
    }
    return pid;
}

/* Reaps every child that has ended; returns once none is left to reap,
 * exiting instead when the command is among them. */
static void reap(long command)
{
    for (;;) {
        int status = 0;
        long pid = sys4(__NR_wait4, -1, (long)&status, WNOHANG, 0);
        if (pid <= 0)
            return;
        if (pid != command)
            continue;
        if ((status & 0x7f) == 0)
            exit_with((status >> 8) & 0xff);
        exit_with(128 + (status & 0x7f));
    }
}

__attribute__((noreturn, used)) void start(long *stack)
{
    long argc = stack[0];
    char **argv = (char **)(stack + 1);
    long pause = argc == 1;
    long command = argc == 2 ? parse_pid(argv[1]) : 0;
    if (command <= 0 && !pause)
        exit_with(125);
    unsigned long every = ~0UL;
    for (;;) {
        long signal = sys4(__NR_rt_sigtimedwait, (long)&every, 0, 0, SIGSET_SIZE);
        if (signal == SIGCHLD)
            reap(command);
        else if (pause && (signal == SIGTERM || signal == SIGINT))
            exit_with(0);
        else if (signal > 0 && !pause)
            sys4(__NR_kill, command, signal, 0, 0);
    }
}
