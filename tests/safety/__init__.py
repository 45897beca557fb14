"""Tests of the record's safety as a whole: crashes, faults, privacy, no network, hostile input."""
