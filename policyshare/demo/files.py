"""Files the demo needs, generated in code so that loading it never touches the network."""

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points


def _pdf_text(value: str) -> str:
    """Escape a line for a PDF string literal; the built-in Helvetica only has Latin-1."""
    value = value.encode("latin-1", "replace").decode("latin-1")
    return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def demo_pdf(*, title: str, paragraphs: list[str]) -> bytes:
    """A valid one-page PDF with a title and wrapped paragraphs (English, Latin-1)."""
    commands = ["BT", "/F1 16 Tf", "72 770 Td", "20 TL", f"({_pdf_text(title)}) Tj", "T*"]
    commands.append("/F1 11 Tf")
    commands.append("15 TL")
    for paragraph in paragraphs:
        commands.append("T*")
        for line in textwrap.wrap(paragraph, width=88):
            commands.append(f"({_pdf_text(line)}) Tj T*")
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(out)


def wordmark_png(*, text: str, colour: str, size: tuple[int, int] = (240, 96)) -> bytes:
    """A plain wordmark: white Latin text centred on a coloured rectangle.

    Pillow's bundled font has no Hangul, so logos use the organisation's Latin short name.
    """
    width, height = size
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    font_size = 40
    while True:
        font = ImageFont.load_default(size=font_size)
        left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
        if right - left <= width - 24 or font_size <= 12:
            break
        font_size -= 2
    x = (width - (right - left)) / 2 - left
    y = (height - (bottom - top)) / 2 - top
    draw.text((x, y), text, fill="white", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
