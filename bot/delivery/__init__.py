"""Sending many messages safely: pacing, retries and the once-only ledger, without Telegram."""
