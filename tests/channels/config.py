"""The test channel settings: made-up tokens, and a public address that is never reached."""

from __future__ import annotations

PUBLIC_URL = "https://dayfinder.example.org"
AUTH_TOKEN = "twilio-test-auth-token"
ACCOUNT_SID = "AC" + "0" * 32
FROM_NUMBER = "+441632960000"
BOT_TOKEN = "7000000001:TEST-bot-token"
WEBHOOK_SECRET = "telegram_test_secret-1"
