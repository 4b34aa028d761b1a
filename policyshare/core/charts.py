"""What the server-drawn SVG charts share (the analytics charts, `policyshare.analytics.charts`,
and the outcome indicators' charts, `policyshare.policies.charts`)."""


def nice_maximum(value: float) -> int:
    """The top of a scale: the smallest of 1, 2 or 5 times a power of ten at or above `value`
    (at least 1, so an empty or all-zero series still has a scale)."""
    if value <= 1:
        return 1
    power = 1
    while True:
        for step in (1, 2, 5, 10):
            if step * power >= value:
                return step * power
        power *= 10
