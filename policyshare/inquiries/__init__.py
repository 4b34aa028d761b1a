"""Migration history only: see `apps.InquiriesConfig`."""
