"""Run untrusted Python (model output, harvested code) in a contained child process.

Each execution is a fork of a pre-started server that already imported its preloads (numpy &
co.; a program that needs none of the third-party ones goes to a lighter server holding only the
standard-library ones, see ``Sandbox``). The child is locked down with rlimits (CPU, address
space, file size, processes), its own session (killed as a group), a throw-away scratch
directory, a scrubbed environment, no_new_privs, another uid when run as root, and a private
/tmp, the platform's data folder out of sight (the warehouse holds every market bar: the future,
for a backtest) and no network where the OS allows them. See ``pool.py`` for the API.

Private /tmp and no network are per server, not per child: the server enters a new mount and a
new, empty network namespace once, at start, and its children inherit both (a fresh network
namespace per child would add ~0.8 ms to every run, a third of a trivial one, plus its teardown
in a kernel worker). The children of one server thus use them one after another, never at once,
and as root that is as safe as a fresh pair: the network namespace holds only a loopback that
is down (every connect() fails; bringing it up needs CAP_NET_ADMIN, which no child has), and
before the next child starts every process of the child's uid has been killed, so nothing it
bound (a port on 127.0.0.1, an abstract Unix socket) or started is left to be reached, and
everything it left in /tmp and /dev/shm has been wiped. Without root both namespaces sit in a
user namespace in which the children keep the server's capabilities, and there is no uid of
their own to kill by (a process that leaves the child's session outlives the run, see
``server.Server._kill_uid``): there the sharing is weaker than a fresh pair would be.
"""

from cs_pipelines.sandbox.pool import Sandbox, SandboxPool, run
from cs_pipelines.sandbox.result import ExecutionResult, Status

__all__ = ["ExecutionResult", "Sandbox", "SandboxPool", "Status", "run"]
