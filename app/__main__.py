"""Entry point of the desktop app: ``jemput`` or ``python -m app``.

The one place in app/ that reaches ui/: the import happens inside main(), so importing the core never loads Qt.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from ui.launcher import main as launch

    try:
        return launch(sys.argv[1:] if argv is None else argv)
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in ("PySide6", "shiboken6", "segno"):
            raise
        # The base install is the Qt-free core (pyproject.toml): say what to install instead of a traceback.
        print(f"The desktop app needs its Qt extra ({exc.name} is missing): pip install \".[desktop]\"",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
