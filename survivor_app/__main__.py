"""``python -m survivor_app``: the same as the ``survivor-app`` command."""

import sys

from survivor_app.cli import main

sys.exit(main())
