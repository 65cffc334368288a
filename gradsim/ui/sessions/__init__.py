"""Sessions in the app: the File menu of sessions, title and prompts, autosave and recovery."""
