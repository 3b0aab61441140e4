"""The web: chat API, widget and pages, and the Open Referral UK read API."""
