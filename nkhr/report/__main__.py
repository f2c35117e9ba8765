"""``python -m nkhr.report`` builds the report, like ``nkhr report``."""

import sys

from .build import main

sys.exit(main())
