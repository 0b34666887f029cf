"""CNN Studio: `python main.py` opens the app; `python main.py train ...` trains headless."""

import sys

from gui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
