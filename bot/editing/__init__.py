"""Coordinators edit the samlinger from Telegram (or the terminal chat): guided dialogues and
a one-message fast path (dialogue.py), values read the Norwegian way (values.py), saved
round-trip into the YAML files after the real loader has checked them (entry_file.py,
editor.py), with every change in the change log so it can be shown and undone."""
