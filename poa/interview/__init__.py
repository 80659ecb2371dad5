"""The guided interview: flow, questions, the saved draft and the terminal adapter."""

from poa.interview.session import InterviewOutcome, run_interview

__all__ = ["InterviewOutcome", "run_interview"]
