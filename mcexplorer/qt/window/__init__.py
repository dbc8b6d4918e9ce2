"""The main window (the shell): menus, docks, file actions, recent files, chart export, settings."""
