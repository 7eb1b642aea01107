"""An employer profile and an invitation sent for a requisition, as the candidate tests need them."""

import struct
import zlib

from assessments.models import Assessment, Invitation
from hiring import pipeline, ranking
from profiles.models import RoleProfile
from servicefit.core.employer import employer_profile_update

BATTERY = "service-profile-standard"
EMPLOYER = "Nordlys Energi"
JOB = "Kundeservicemedarbejder, erhverv"
LOGO_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40">'
    b'<rect width="40" height="40" rx="8" fill="#0b6e4f"/><circle cx="20" cy="20" r="10" fill="#f2c14e"/>'
    b'<text x="48" y="27" font-family="sans-serif" font-size="16" fill="#0b6e4f">Nordlys</text></svg>'
)


def png(width: int = 8, height: int = 4, rgb: tuple[int, int, int] = (11, 110, 79)) -> bytes:
    """A real PNG of one colour (standard library only)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def employer_set(*, name: str = EMPLOYER, logo: bytes | None = None, feedback: bool = False, **sender) -> None:
    employer_profile_update(
        name=name,
        sender_name=sender.get("sender_name", ""),
        sender_email=sender.get("sender_email", ""),
        candidate_feedback=feedback,
        logo=logo,
    )


def job_invitation(user, *, language: str = "sv", title: str = JOB, name: str = "Astrid Lindqvist") -> Invitation:
    """An invitation sent for an application to a requisition named `title`."""
    requisition = pipeline.requisition_create(
        user=user, title=title, role_profile=RoleProfile.objects.get(slug="advisor-controller-led")
    )
    candidate = pipeline.candidate_create(
        user=user, name=name, email="astrid@example.se", language=language, team=requisition.team
    ).candidate
    application = pipeline.application_create(user=user, candidate=candidate, requisition=requisition)
    return ranking.application_invite(
        application=application, assessment=Assessment.objects.get(slug=BATTERY), user=user
    )
