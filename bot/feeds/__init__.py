"""Calendar feeds: iCalendar URLs (Outlook, Teams, Google) whose events become samlinger.

Modules: events (an .ics file -> samlinger, recurring events expanded), merge (feed samlinger
into the knowledge base from the files, each shown once), fetch (polite conditional HTTP),
cache (the last good copy of every feed in BOT_DATA_DIR), poller (the polling job: fetch,
parse, keep the last good copy, tell the admins once, swap the live knowledge).
"""
