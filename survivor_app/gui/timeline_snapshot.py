"""The picture of a record's last drawn timeline, shown at the window's first paint while
matplotlib loads: a PNG among the app's private files (never inside the record), used only
while the record is as it was when the picture was taken."""

from __future__ import annotations

import logging

from PySide6.QtCore import QBuffer, QIODevice, QObject, QTimer
from PySide6.QtGui import QImage, QImageReader, QImageWriter
from PySide6.QtWidgets import QWidget

from survivor_app.files import make_private_folder, write_private
from survivor_app.paths import timeline_snapshot_path
from survivor_app.storage import RecordStore

_log = logging.getLogger(__name__)

# The PNG's text fields that tie a picture to what it shows; a PNG without them is not ours.
_MARK = "survivorship-tracker-change-mark"
_CANCER = "survivorship-tracker-cancer"
# Pixels per point of the screen it was drawn on, which a PNG does not keep by itself: without
# it, a picture taken on a screen at 200 % would be shown twice as large.
_SCALE = "survivorship-tracker-scale"
#: Milliseconds to wait after a drawing before keeping it: a resize or a run of edits draws
#: many times, and only the last is worth writing.
KEEP_AFTER_MS = 1000


class TimelineSnapshot(QObject):
    """The last drawn timeline of one record, as a picture: read at start, written soon after
    each drawing of the live plot."""

    def __init__(self, store: RecordStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.path = timeline_snapshot_path(store.path)
        self._pending: tuple[QWidget, str] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(KEEP_AFTER_MS)
        self._timer.timeout.connect(self.keep_now)

    def load(self, cancer_id: str) -> QImage | None:
        """The picture last taken of this cancer's timeline, or None: when there is none, it is
        not a picture this app took, it cannot be read, or the record has changed since."""
        mark = self._store.change_mark()
        if mark is None or not self.path.is_file():
            return None
        reader = QImageReader(str(self.path), b"png")
        # The text fields come before the pixels: a picture of another state is not decoded.
        if reader.text(_MARK) != mark or reader.text(_CANCER) != cancer_id:
            return None
        try:
            scale = float(reader.text(_SCALE))
        except ValueError:
            return None
        if not 0.5 <= scale <= 8:
            return None
        image = reader.read()
        if image.isNull():
            return None
        image.setDevicePixelRatio(scale)
        return image

    def keep_soon(self, canvas: QWidget, cancer_id: str) -> None:
        """Take a picture of ``canvas`` (showing this cancer) once drawing has settled."""
        self._pending = (canvas, cancer_id)
        self._timer.start()

    def keep_now(self) -> None:
        """Take the picture asked for by ``keep_soon`` now, if any; a failure to write it is
        logged and forgotten (the live plot is drawn at every start anyway)."""
        self._timer.stop()
        if self._pending is None:
            return
        canvas, cancer_id = self._pending
        self._pending = None
        mark = self._store.change_mark()
        if mark is None:
            return
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QImageWriter(buffer, b"png")
        writer.setText(_MARK, mark)
        writer.setText(_CANCER, cancer_id)
        image = canvas.grab().toImage()
        writer.setText(_SCALE, repr(image.devicePixelRatio()))
        if not writer.write(image):
            return
        try:
            make_private_folder(self.path.parent)
            write_private(self.path, bytes(buffer.data().data()))
        except OSError as error:
            _log.info("The picture of the timeline was not kept: %s", error)
