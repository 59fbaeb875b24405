"""``python -m campaign_app`` runs the command line (through the frozen app's entry point,
so that a worker process never re-runs the command line; see frozen_entry)."""

import sys

from campaign_app.frozen_entry import run

if __name__ == "__main__":
    sys.exit(run())
