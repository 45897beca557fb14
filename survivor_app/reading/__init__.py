"""Reading a radiology report: today's sizes, the earlier ones, where each finding is, what the
words say of it, and which of the person's spots it matches. No Qt; the person confirms every
value the reader proposes."""

from survivor_app.reading.document import reading_document
from survivor_app.reading.finding import Finding, ReportReading
from survivor_app.reading.read import read_report

__all__ = ["Finding", "ReportReading", "read_report", "reading_document"]
