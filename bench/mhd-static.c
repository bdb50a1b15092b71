/* mhd-static PORT BODY-FILE [THREADS]
 *
 * The C baseline for MicroHTTP: libmicrohttpd 0.9.75 driven exactly the way
 * Sources/MicroHTTP/MHDBridge.swift drives it, minus the Swift layer.
 *
 *  - THREADS daemons, each on its own thread and its own SO_REUSEPORT listening
 *    socket (MHD_OPTION_LISTEN_SOCKET), flags MHD_USE_EPOLL | MHD_USE_ITC |
 *    MHD_USE_TURBO, no internal thread ("external select" mode);
 *  - the same connection limit (4096 / THREADS), memory limit (16 KiB) and
 *    idle timeout (30 s) as HTTPServer.Configuration's defaults;
 *  - each loop: poll() on the daemon's epoll fd (MHD_DAEMON_INFO_EPOLL_FD) plus
 *    a stop eventfd, timeout = MHD_get_timeout capped at 1 s, then MHD_run;
 *  - the access handler answers only on its second call (answering on the first
 *    makes MHD 0.9.75 drop keep-alive), with one response per daemon made once and reused,
 *    Content-Type: application/json, plus the fields of $BENCH_HEADERS_FILE if set
 *    (below);
 *  - as MicroHTTP sends a hot answer of 16 KiB or more (PreparedResponse
 *    .sendingBodyFromFile()): the body from a memfd, with sendfile(2)
 *    (MHD_OPTION_SIGPIPE_HANDLED_BY_APP, without which MHD never uses sendfile in
 *    this mode), the socket corked (TCP_CORK) when the response is queued and
 *    uncorked when MHD reports the request completed. A smaller body is sent from
 *    memory (MHD_RESPMEM_PERSISTENT), as MicroHTTP does.
 *
 * Not mirrored, on purpose: MicroHTTP's URI-log, request-completed and unescape
 * callbacks and its request parsing are the Swift layer whose cost we measure.
 *
 * Build: cc -O2 -o bench/out/mhd-static bench/mhd-static.c -lmicrohttpd
 * Stops on SIGINT/SIGTERM.
 *
 * BENCH_HEADERS_FILE=PATH: more response header fields, one "Name: value" per line.
 * bench/http and bench/instructions write there the fields timeline-server sends
 * with the body (ETag, Cache-Control, Vary, CORS, X-Request-Id), so that both
 * servers send the same bytes, head included: the client parses every field, and
 * wrk, not the server, is the busier of the two.
 *
 * For experiments only (unset, the program is as above):
 *   BENCH_NO_TURBO=1                       drop MHD_USE_TURBO
 *   BENCH_CONNECTION_MEMORY_LIMIT=BYTES    instead of 16 KiB
 *   BENCH_COPY_BODY=1                      send the body from memory whatever its size (copied into
 *                                          each socket), without corking
 *   BENCH_INTERNAL_EPOLL=1                 MHD's own epoll thread per daemon instead of our loop:
 *                                          the mode with the 128-event epoll stall (to check the
 *                                          rig's stall detection)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <microhttpd.h>

static int cork_responses;
static volatile sig_atomic_t stop_requested;
static int stop_fd = -1; /* one eventfd, polled by every loop (semaphore-free: never read) */

struct loop {
  struct MHD_Daemon *daemon;
  pthread_t thread;
  /* Per daemon, as MicroHTTP keeps a body file's response per loop: MHD locks a file
   * response's mutex around each sendfile, so one shared response would make loops take turns. */
  struct MHD_Response *response;
};

static void die (const char *what)
{
  fprintf (stderr, "mhd-static: %s: %s\n", what, strerror (errno));
  exit (2);
}

static void
set_cork (struct MHD_Connection *connection, int on)
{
  const union MHD_ConnectionInfo *info =
    MHD_get_connection_info (connection, MHD_CONNECTION_INFO_CONNECTION_FD);
  if (NULL != info)
    setsockopt (info->connect_fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on);
}

static enum MHD_Result
on_access (void *cls, struct MHD_Connection *connection, const char *url,
           const char *method, const char *version, const char *upload_data,
           size_t *upload_data_size, void **con_cls)
{
  static int first_call_marker;
  struct MHD_Response *response = cls; /* this daemon's */
  (void) url; (void) method; (void) version; (void) upload_data;
  if (NULL == *con_cls)
  {
    /* First call: headers received, body (if any) not yet. Answering here kills keep-alive. */
    *con_cls = &first_call_marker;
    return MHD_YES;
  }
  if (0 != *upload_data_size)
  {
    *upload_data_size = 0; /* discard any body */
    return MHD_YES;
  }
  if (cork_responses)
    set_cork (connection, 1); /* as nginx's tcp_nopush: the head waits for the body */
  return MHD_queue_response (connection, MHD_HTTP_OK, response);
}

static void
on_completed (void *cls, struct MHD_Connection *connection, void **con_cls,
              enum MHD_RequestTerminationCode toe)
{
  (void) cls; (void) con_cls; (void) toe;
  set_cork (connection, 0); /* the answer is all written: push its last bytes */
}

/* Adds each "Name: value" line of `path` to `response`; other lines are ignored. */
static void add_header_fields (struct MHD_Response *to, const char *path)
{
  char line[2048];
  FILE *file = fopen (path, "r");
  if (NULL == file)
    die (path);
  while (NULL != fgets (line, sizeof line, file))
  {
    char *colon = strchr (line, ':');
    char *value;
    if (NULL == colon)
      continue;
    *colon = '\0';
    value = colon + 1;
    while (' ' == *value)
      value++;
    value[strcspn (value, "\r\n")] = '\0';
    if (MHD_YES != MHD_add_response_header (to, line, value))
    {
      fprintf (stderr, "mhd-static: %s: refused header field %s\n", path, line);
      exit (2);
    }
  }
  fclose (file);
}

static int open_listener (uint16_t port)
{
  int one = 1;
  struct sockaddr_in address;
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0)
    die ("socket");
  setsockopt (fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  setsockopt (fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
  memset (&address, 0, sizeof address);
  address.sin_family = AF_INET;
  address.sin_port = htons (port);
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (0 != bind (fd, (struct sockaddr *) &address, sizeof address))
    die ("bind");
  if (0 != listen (fd, 1024))
    die ("listen");
  return fd;
}

static void *run_loop (void *argument)
{
  struct loop *loop = argument;
  struct pollfd fds[2];
  const union MHD_DaemonInfo *info = MHD_get_daemon_info (loop->daemon, MHD_DAEMON_INFO_EPOLL_FD);
  fds[0].fd = info->epoll_fd;
  fds[0].events = POLLIN;
  fds[1].fd = stop_fd;
  fds[1].events = POLLIN;
  while (! stop_requested)
  {
    int timeout = 1000;
    MHD_UNSIGNED_LONG_LONG mhd_timeout = 0;
    if (MHD_YES == MHD_get_timeout (loop->daemon, &mhd_timeout) && mhd_timeout < (MHD_UNSIGNED_LONG_LONG) timeout)
      timeout = (int) mhd_timeout;
    fds[0].revents = 0;
    fds[1].revents = 0;
    (void) poll (fds, 2, timeout);
    MHD_run (loop->daemon);
  }
  return NULL;
}

static void on_signal (int signal_number)
{
  uint64_t one = 1;
  (void) signal_number;
  stop_requested = 1;
  (void) ! write (stop_fd, &one, sizeof one);
}

int main (int argc, char **argv)
{
  if (argc < 3 || argc > 4)
  {
    fprintf (stderr, "usage: mhd-static PORT BODY-FILE [THREADS]\n");
    return 2;
  }
  uint16_t port = (uint16_t) atoi (argv[1]);
  int threads = argc == 4 ? atoi (argv[3]) : 1;
  if (threads < 1)
    threads = 1;

  /* The body, read once. PERSISTENT: MHD sends it from here and never frees it. */
  FILE *file = fopen (argv[2], "rb");
  if (NULL == file)
    die (argv[2]);
  struct stat st;
  if (0 != fstat (fileno (file), &st))
    die ("fstat");
  size_t size = (size_t) st.st_size;
  char *body = malloc (size ? size : 1);
  if (size != fread (body, 1, size, file))
    die ("fread");
  fclose (file);
  int use_sendfile = size >= 16 * 1024 && NULL == getenv ("BENCH_COPY_BODY");
  cork_responses = use_sendfile;
  int body_fd = -1;
  if (use_sendfile)
  {
    /* One memfd holds the body; MHD sends it with sendfile(2) from offset 0 each time. */
    body_fd = memfd_create ("body", MFD_CLOEXEC);
    if (body_fd < 0 || (ssize_t) size != write (body_fd, body, size))
      die ("memfd");
  }

  stop_fd = eventfd (0, EFD_NONBLOCK | EFD_CLOEXEC);
  struct sigaction action;
  memset (&action, 0, sizeof action);
  action.sa_handler = on_signal;
  sigaction (SIGINT, &action, NULL);
  sigaction (SIGTERM, &action, NULL);
  signal (SIGPIPE, SIG_IGN);

  struct loop *loops = calloc ((size_t) threads, sizeof *loops);
  unsigned int flags = MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_TURBO;
  size_t memory_limit = 16 * 1024;
  if (NULL != getenv ("BENCH_NO_TURBO"))
    flags &= ~(unsigned int) MHD_USE_TURBO;
  int internal = NULL != getenv ("BENCH_INTERNAL_EPOLL");
  if (internal)
    flags |= MHD_USE_INTERNAL_POLLING_THREAD;
  if (NULL != getenv ("BENCH_CONNECTION_MEMORY_LIMIT"))
    memory_limit = (size_t) atol (getenv ("BENCH_CONNECTION_MEMORY_LIMIT"));
  for (int i = 0; i < threads; i++)
  {
    /* MHD closes the descriptor of a file response when it goes: each gets a duplicate. */
    struct MHD_Response *response = use_sendfile
      ? MHD_create_response_from_fd_at_offset64 (size, fcntl (body_fd, F_DUPFD_CLOEXEC, 0), 0)
      : MHD_create_response_from_buffer (size, body, MHD_RESPMEM_PERSISTENT);
    if (NULL == response)
      die ("response");
    MHD_add_response_header (response, "Content-Type", "application/json");
    if (NULL != getenv ("BENCH_HEADERS_FILE"))
      add_header_fields (response, getenv ("BENCH_HEADERS_FILE"));
    loops[i].response = response;
    int listen_fd = open_listener (port);
    loops[i].daemon = MHD_start_daemon (
      flags, 0, NULL, NULL, on_access, response,
      MHD_OPTION_LISTEN_SOCKET, (MHD_socket) listen_fd,
      MHD_OPTION_CONNECTION_LIMIT, (unsigned int) (4096 / threads),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory_limit,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int) 30,
      /* SIGPIPE is ignored above. Without this option MHD never uses sendfile outside its
       * own threads (it could not keep SIGPIPE from killing us). */
      MHD_OPTION_SIGPIPE_HANDLED_BY_APP, (int) use_sendfile,
      MHD_OPTION_NOTIFY_COMPLETED, cork_responses ? on_completed : NULL, NULL,
      MHD_OPTION_END);
    if (NULL == loops[i].daemon)
    {
      fprintf (stderr, "mhd-static: MHD_start_daemon returned NULL\n");
      return 2;
    }
  }
  for (int i = 0; i < threads && ! internal; i++)
    pthread_create (&loops[i].thread, NULL, run_loop, &loops[i]);
  printf ("mhd-static: listening on 127.0.0.1:%u, %d thread(s), %zu-byte body %s%s%s, %zu-byte connection memory\n",
          (unsigned) port, threads, size, use_sendfile ? "sent with sendfile, corked" : "copied from memory",
          (flags & MHD_USE_TURBO) ? "" : ", no MHD_USE_TURBO",
          internal ? ", MHD's internal epoll thread" : "", memory_limit);
  fflush (stdout);

  if (internal)
  {
    struct pollfd stop = { .fd = stop_fd, .events = POLLIN };
    while (! stop_requested)
      (void) poll (&stop, 1, 1000);
  }
  for (int i = 0; i < threads; i++)
  {
    if (! internal)
      pthread_join (loops[i].thread, NULL);
    MHD_stop_daemon (loops[i].daemon);
  }
  for (int i = 0; i < threads; i++)
    MHD_destroy_response (loops[i].response);
  free (body);
  free (loops);
  return 0;
}
