"""Reminders before a listing's next session, and a follow-up a week after results (issue #17).

The engine only asks for them (``Action.REMIND``, ``Action.FOLLOW_UP``); ``turns`` stores them
during the conversation turn, ``job`` sends what is due and deletes each row once sent, and
``report`` counts the anonymous follow-up answers for the commissioners' report.
"""
