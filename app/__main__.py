"""Entry point of the desktop app: ``jemput`` or ``python -m app``.

The one place in app/ that reaches ui/: the import happens inside main(), so importing the core never loads Qt.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from ui.launcher import main as launch

    return launch(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
