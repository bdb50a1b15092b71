"""Shared by the scripts in scripts/harness: start a timeline-server on a free 127.0.0.1 port,
sample its memory from /proc, bound the run in time, and stop everything that was started
however the script exits (normal end, exception, Ctrl-C, SIGTERM, time limit)."""

import argparse
import atexit
import ctypes
import os
import re
import resource
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
_started: list = []  # every Popen this process started, killed at exit


def _stop_all() -> None:
    for process in reversed(_started):
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()


def _on_signal(signum, _frame):
    raise SystemExit(128 + signum)


atexit.register(_stop_all)
for _signal in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(_signal, _on_signal)


def arguments(description: str, time_limit: int, extra=None) -> argparse.Namespace:
    """Parses --bin (default: the release build, else the debug build) and the script's own
    options, and arms a hard time limit after which the script stops everything and fails."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--bin", help="timeline-server binary (default: .build/release, else .build/debug)")
    if extra:
        extra(parser)
    args = parser.parse_args()
    if args.bin is None:
        for build in ("release", "debug"):
            candidate = os.path.join(ROOT, ".build", build, "timeline-server")
            if os.access(candidate, os.X_OK):
                args.bin = candidate
                break
        else:
            parser.error("no built timeline-server: run `swift build -c release` or pass --bin")

    def expired(_signum, _frame):
        print(f"FAIL: time limit of {time_limit} s reached", flush=True)
        raise SystemExit(3)

    signal.signal(signal.SIGALRM, expired)
    signal.alarm(time_limit)
    return args


def require(tool: str, package: str) -> None:
    """Stops with a clear message when a tool the script needs is not installed."""
    if shutil.which(tool) is None:
        raise SystemExit(f"FAIL: {tool} is not installed (apt-get install {package})")


def _die_with_parent() -> None:
    """In the child: SIGKILL when this script dies, even by SIGKILL (prctl PR_SET_PDEATHSIG)."""
    ctypes.CDLL(None).prctl(1, signal.SIGKILL)


def spawn(command: list, **kwargs) -> subprocess.Popen:
    """Starts a process in its own process group, remembered so that it is killed at exit (and
    killed by the kernel should this script be killed outright)."""
    process = subprocess.Popen(command, start_new_session=True, preexec_fn=_die_with_parent, **kwargs)
    _started.append(process)
    return process


def raise_open_files(wanted: int) -> int:
    """Raises this process's (and so its children's) open-file limit towards `wanted`."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def load_average() -> str:
    with open("/proc/loadavg") as file:
        return " ".join(file.read().split()[:3])


class Server:
    """A timeline-server (optionally under a wrapper such as valgrind) on a free port."""

    def __init__(self, binary: str, *extra: str, wrapper=(), ready_timeout=30.0):
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile(prefix="harness-server-", suffix=".log", delete=False)
        command = [*wrapper, binary, "--port", str(self.port), *extra]
        self.command = " ".join(command)
        self.process = spawn(command, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"FAIL: server exited with {self.process.returncode} at start:\n{self.output()}")
            try:
                if get(self.port, "/healthz", timeout=1)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit(f"FAIL: server not answering /healthz after {ready_timeout} s")

    def _status(self) -> dict:
        with open(f"/proc/{self.process.pid}/status") as file:
            return dict(line.split(":", 1) for line in file if ":" in line)

    def rss_kib(self) -> int:
        """Resident set size now (VmRSS), in KiB."""
        return int(self._status()["VmRSS"].split()[0])

    def peak_rss_kib(self) -> int:
        """Highest resident set size so far (VmHWM), in KiB."""
        return int(self._status()["VmHWM"].split()[0])

    def open_files(self) -> int:
        return len(os.listdir(f"/proc/{self.process.pid}/fd"))

    def alive(self) -> bool:
        return self.process.poll() is None

    def output(self) -> str:
        with open(self.log.name, errors="replace") as file:
            return file.read()

    def stop(self, grace=15.0) -> int:
        """SIGTERM, then SIGKILL after `grace` seconds; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        return self.process.returncode

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.stop()
        os.unlink(self.log.name)


class RSSSampler(threading.Thread):
    """Samples a server's RSS every `interval` seconds in the background."""

    def __init__(self, server: Server, interval: float):
        super().__init__(daemon=True)
        self.server, self.interval = server, interval
        self.samples: list = []  # (seconds since start, KiB)
        self.finished = threading.Event()
        self.started_at = time.monotonic()
        self.open_files: list = []  # open files of the server at each sample
        self.listen_queue: list = []  # connections waiting in its listen queues at each sample

    def run(self):
        while not self.finished.is_set():
            try:
                self.samples.append((time.monotonic() - self.started_at, self.server.rss_kib()))
                self.open_files.append(self.server.open_files())
                self.listen_queue.append(listen_queue(self.server.port))
            except (OSError, KeyError):
                return
            self.finished.wait(self.interval)

    def stop(self) -> list:
        self.finished.set()
        self.join()
        return self.samples

    @property
    def peak_kib(self) -> int:
        return max((kib for _, kib in self.samples), default=0)


def get(port: int, path: str, headers: str = "", timeout=5.0):
    """One GET on a new connection: (status, seconds taken, response bytes)."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Connection: close\r\n\r\n".encode())
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    match = re.match(rb"HTTP/1\.[01] (\d{3}) ", data)
    return (int(match.group(1)) if match else 0), time.monotonic() - started, data


def listen_queue(port: int) -> int:
    """Connections accepted by the kernel but not yet by the server, summed over the listening
    sockets of the port (Recv-Q of `ss -ltn` is the current accept-queue length)."""
    output = subprocess.run(["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True).stdout
    return sum(int(line.split()[1]) for line in output.splitlines() if line.strip())


def closed_by_server(connection: socket.socket) -> bool:
    """True when the server has closed (FIN or RST) a connection we have not read from."""
    readable, _, _ = select.select([connection], [], [], 0)
    if not readable:
        return False
    try:
        return connection.recv(1, socket.MSG_PEEK) == b""
    except ConnectionResetError:
        return True


def percentile(values: list, fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def run_wrk(port: int, connections: int, seconds: int, threads=2, script=None, path="/", timeout="2s"):
    """Runs wrk against the server; returns (its output, parsed numbers)."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout}", "--latency"]
    if script:
        command += ["-s", script]
    command.append(f"http://127.0.0.1:{port}{path}")
    process = spawn(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output, _ = process.communicate(timeout=seconds + 60)
    return " ".join(command), output, parse_wrk(output)


def parse_wrk(output: str) -> dict:
    numbers = {"connect": 0, "read": 0, "write": 0, "timeout": 0, "non2xx": 0}
    if match := re.search(r"(\d+) requests in", output):
        numbers["requests"] = int(match.group(1))
    if match := re.search(r"Requests/sec:\s+([\d.]+)", output):
        numbers["rps"] = float(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        numbers.update(zip(("connect", "read", "write", "timeout"), map(int, match.groups())))
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        numbers["non2xx"] = int(match.group(1))
    for label in ("50%", "99%"):
        if match := re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.M):
            value, unit = float(match.group(1)), match.group(2)
            numbers[f"p{label[:-1]}_ms"] = value * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    return numbers


class Checks:
    """Counts named assertions and prints one line each."""

    def __init__(self):
        self.passed = self.failed = 0
        self.known_names: list = []

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        print(f"{'ok  ' if ok else 'FAIL'}  {name}{'  — ' + detail if detail else ''}", flush=True)
        return ok

    def known(self, name: str, detail: str) -> None:
        """A documented deviation, seen exactly as documented: reported, not counted as failed."""
        self.known_names.append(name)
        print(f"known {name}  — {detail}", flush=True)

    def finish(self, label: str) -> None:
        known = f", {len(self.known_names)} known deviations" if self.known_names else ""
        print(f"{label}: {self.passed} passed, {self.failed} failed{known}", flush=True)
        raise SystemExit(1 if self.failed else 0)
