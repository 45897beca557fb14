"""Tests of the data-entry dialogs and the fields they share."""
