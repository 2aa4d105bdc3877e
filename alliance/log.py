import logging


class NotAnOutage(logging.Filter):
    """Lets through every record but a 503: the database out of reach
    (alliance.views.server_error). /healthz tells the monitoring once, rather than one
    email per request for as long as the outage lasts."""

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "status_code", None) != 503
