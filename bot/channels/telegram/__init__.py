"""The Telegram channel: a thin PTB adapter around `bot.conversation`."""
