"""Progress of a run on stderr: ``tqdm``'s bar when it is installed, else a plain counter."""

from __future__ import annotations

import importlib
import sys
import time
from typing import Any, Optional


class Progress:
    """Counts finished files; draws nothing when disabled."""

    def __init__(self, enabled: bool, total: Optional[int]) -> None:
        self.enabled = enabled
        self.total = total
        self.count = 0
        self.problems = 0
        self._bar: Any = None
        self._last_draw = 0.0
        if enabled:
            try:
                tqdm = importlib.import_module("tqdm").tqdm
            except ImportError:
                return
            self._bar = tqdm(total=total, unit="file", desc="conforme", file=sys.stderr)

    def note(self, message: str) -> None:
        """Prints one line (the dashboard address, the files resumed) when enabled."""
        if self.enabled:
            print(f"conforme: {message}", file=sys.stderr, flush=True)

    def update(self, status: str) -> None:
        """One more file finished with `status`."""
        self.count += 1
        if status != "valid":
            self.problems += 1
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(1)
            self._bar.set_postfix(not_valid=self.problems, refresh=False)
            return
        now = time.monotonic()
        if now - self._last_draw >= 0.5 or self.count == self.total:
            self._last_draw = now
            total = f"/{self.total}" if self.total is not None else ""
            sys.stderr.write(f"\rconforme: {self.count}{total} files, {self.problems} not valid")
            sys.stderr.flush()

    def close(self) -> None:
        """Ends the bar or the counter line."""
        if self._bar is not None:
            self._bar.close()
        elif self.enabled and self.count:
            sys.stderr.write("\n")
            sys.stderr.flush()


def default_enabled() -> bool:
    """Progress is shown by default when stderr is a terminal."""
    return sys.stderr.isatty()
