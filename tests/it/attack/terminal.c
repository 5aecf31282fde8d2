/* Run in a container: tries to push a command line into the input of the
 * terminal of whoever started the container (TIOCSTI on its standard
 * streams and on /dev/tty), then reports its session and controlling
 * terminal as /proc/self/stat has them. Built statically by the tests. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static void inject(const char *what, int fd)
{
    const char *line = "echo pwned\n";
    int pushed = 0, error = 0;
    for (const char *c = line; *c; c++) {
        if (ioctl(fd, TIOCSTI, c) == 0)
            pushed++;
        else
            error = errno;
    }
    printf("%s: %s\n", what, pushed ? "PUSHED" : strerror(error));
}

int main(void)
{
    inject("fd 0", 0);
    inject("fd 1", 1);
    inject("fd 2", 2);
    int tty = open("/dev/tty", O_RDWR | O_NOCTTY);
    if (tty < 0)
        printf("/dev/tty: %s\n", strerror(errno));
    else
        inject("/dev/tty", tty);

    char stat[512] = "";
    FILE *file = fopen("/proc/self/stat", "r");
    if (file) {
        fgets(stat, sizeof stat, file);
        fclose(file);
    }
    int session = -1, tty_nr = -1;
    char *comm_end = strrchr(stat, ')');
    if (comm_end)
        sscanf(comm_end + 2, "%*c %*d %*d %d %d", &session, &tty_nr);
    printf("pid=%d sid=%d tty_nr=%d\n", (int)getpid(), session, tty_nr);
    return 0;
}
