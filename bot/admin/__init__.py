"""Features for the regional coordinators (ADMIN_IDS), one module each: the question log with
its 👍/👎 buttons (question_log), /statistikk and /ubesvarte (statistics), hand-over to a
person (handover), /kunngjoring (announcements) and /oppdater (reload).

Who may do what: the commands are `admin_only` (ADMIN_IDS), so the conversation refuses anyone
else politely and logs the attempt with the user id only. The announcement buttons check the
same, and coordinator commands run only in private chats. Everyone may press 👍/👎 and "Spør en
koordinator", but only in the chat the answer was shown in (the question log's chat pseudonym).
The composition root (bot/app.py) builds each feature and registers its commands and buttons.
"""
