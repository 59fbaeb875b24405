"""The command line: argument parsing and printing over campaign_app.core."""
