"""The channel-free runtime: the live knowledge, reloads, the waves and the jobs that run them.

Nothing here knows Telegram. The composition root (bot/app.py) builds it and hands the
Telegram adapter (or the terminal, or a test) only what it needs: a `JobRunner` to run the
jobs, a `send` for the pacer. Modules: live (the one reference to the knowledge in use),
reload (load again, detect changes), waves (reminder and notice waves through the pacer),
scheduler (when each job runs next), retention (what is deleted when), jobs (the job-runner
protocol), tasks (background work), texts and admins (what the admins are told, and how).
"""
