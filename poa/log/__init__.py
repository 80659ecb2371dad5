"""The response log: a register of cases, their submissions and Amazon's answers."""

from poa.log.changes import SubmissionChanges
from poa.log.record import (
    SUBMIT_CHANNELS,
    Recorded,
    record_outcome,
    submissions_folder,
    submit_case,
)
from poa.log.register import (
    LOG_SORT_KEYS,
    LOG_STATUSES,
    LogRow,
    case_status,
    filter_log,
    read_log,
    sort_log,
)
from poa.log.table import format_log, log_csv, log_json
from poa.log.tracking import MetricTracking, health_source, track_metrics

__all__ = [
    "LOG_SORT_KEYS",
    "LOG_STATUSES",
    "SUBMIT_CHANNELS",
    "LogRow",
    "MetricTracking",
    "Recorded",
    "SubmissionChanges",
    "case_status",
    "filter_log",
    "format_log",
    "health_source",
    "log_csv",
    "log_json",
    "read_log",
    "record_outcome",
    "sort_log",
    "submissions_folder",
    "submit_case",
    "track_metrics",
]
