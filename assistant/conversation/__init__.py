"""Running conversations: storing state, calling the engine, fulfilling searches, rendering."""
