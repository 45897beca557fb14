"""Tests of the desktop window; the dialogs have their own folder."""
