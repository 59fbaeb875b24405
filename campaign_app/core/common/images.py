"""Pictures a letter carries (a letterhead logo, a scanned signature), read and checked once.

campaign.yaml names them as files in the campaign folder. A missing file, a file that is
not a PNG or JPEG (a PDF, an SVG, a Word file renamed), an image that does not decode or
is absurdly large must be found by ``check`` at the line that names it, not by a worker
process halfway through 300 letters, so the file is read and decoded here, when the
campaign is loaded, and its bytes travel with every letter (a :class:`Picture`).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from campaign_app.core.common.errors import Location, UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import IMAGE_BYTES, IMAGE_PIXELS

FORMATS = {"PNG": "png", "JPEG": "jpeg"}


@dataclass(frozen=True)
class Picture:
    """An image's file bytes, its format ("png" or "jpeg") and size in pixels (for its aspect)."""

    data: bytes
    format: str
    width: int
    height: int
    name: str = ""  # the file's name, for the DOCX part and messages

    @property
    def aspect(self) -> float:
        """Width over height."""
        return self.width / self.height

    def size_for_height(self, height: float, max_width: float | None = None) -> tuple[float, float]:
        """(width, height) at ``height``, aspect kept, made smaller if wider than ``max_width``."""
        width = height * self.aspect
        if max_width is not None and width > max_width:
            width, height = max_width, max_width / self.aspect
        return width, height


def read_picture(root: Path, relative: str, where: Location, what: str, example: str) -> Picture:
    """The image ``relative`` (a path inside the campaign folder ``root``) as a Picture;
    every way it can be wrong is a UserError at ``where`` saying what to do (``example``:
    a path to suggest; ``what`` names the image, as marked for translation where it is written)."""
    what = _(what)
    hint = _("put a PNG or JPEG file into the campaign folder and give its path, e.g. '{example}'").format(
        example=example
    )
    path = Path(relative)
    if path.is_absolute() or ".." in path.parts:
        raise UserError(
            _("{what} '{relative}' must be a file inside the campaign folder").format(
                what=what, relative=relative
            ),
            where,
            hint,
        )
    full = root / path
    if full.exists() and not full.resolve().is_relative_to(root.resolve()):  # a link leading out
        raise UserError(
            _("{what} '{relative}' must be a file inside the campaign folder").format(
                what=what, relative=relative
            ),
            where,
            hint,
        )
    if not full.is_file():
        raise UserError(
            _("{what} '{relative}' does not exist").format(what=what, relative=relative), where, hint
        )
    try:
        size = full.stat().st_size
        if size > IMAGE_BYTES:
            raise UserError(
                _(
                    "{what} '{relative}' is {value:.1f} MB, more than the {value2:.0f} MB a letter may carry"
                ).format(what=what, relative=relative, value=size / 1e6, value2=IMAGE_BYTES / 1e6),
                where,
                _("save it smaller (a logo or a signature needs a few hundred pixels)"),
            )
        data = full.read_bytes()
    except OSError as exc:
        raise UserError(
            _("{what} '{relative}' cannot be read ({value})").format(
                what=what, relative=relative, value=exc.strerror or exc
            ),
            where,
            hint,
        ) from None
    return _decode(data, relative, where, what, hint)


def _decode(data: bytes, relative: str, where: Location, what: str, hint: str) -> Picture:
    from PIL import Image, UnidentifiedImageError

    too_large = UserError(
        _("{what} '{relative}' has too many pixels (more than {image_pixels:,})").format(
            what=what, relative=relative, image_pixels=IMAGE_PIXELS
        ),
        where,
        _("save it smaller (a logo or a signature needs a few hundred pixels)"),
    )
    unreadable = UserError(
        _("{what} '{relative}' is not a PNG or JPEG image that can be read").format(
            what=what, relative=relative
        ),
        where,
        hint,
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind, (width, height) = image.format or "", image.size
                if kind not in FORMATS:
                    raise UserError(
                        _("{what} '{relative}' is a {kind} image, not PNG or JPEG").format(
                            what=what, relative=relative, kind=kind
                        ),
                        where,
                        hint,
                    )
                if width * height > IMAGE_PIXELS:
                    raise too_large
                image.load()  # decodes it: a truncated or corrupt file fails here, not in a letter
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise too_large from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise unreadable from None
    if not width or not height:
        raise unreadable
    return Picture(data, FORMATS[kind], width, height, Path(relative).name)
