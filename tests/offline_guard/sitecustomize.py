import _offline_guard  # noqa: F401  (installs the guard in child processes)
