"""Property-based checks of every documented endpoint: whatever the input, never a 5xx."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from assistant.app import create_app
from assistant.settings import Settings


def test_no_input_gives_a_server_error(sample_db: str) -> None:
    app = create_app(Settings(database_url=sample_db, chat_rate_per_minute=100_000, ip_rate_per_minute=100_000))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 6

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        check()


