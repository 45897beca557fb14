"""Tests of moving a record in and out of the app."""
